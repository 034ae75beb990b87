// The two hostile pages of issue 8, built in memory and served from a
// loopback address (e2e test and `npm run bench`): one text node of 1 MB with
// 60,000 numbers, and 100,000 spans of one number each. Each address is its
// own site, so a page gets a renderer process of its own (for its peak memory).
import { createServer, type Server } from 'node:http';

export type HostilePage = 'huge-text-node' | 'many-spans';

export const HUGE_TEXT_NUMBERS = 60_000;
export const SPAN_NUMBERS = 100_000;

const number = (i: number) => `+1 415 555 ${String(i % 10_000).padStart(4, '0')}`;

/** The text of the one node of the huge-text-node page (about 1 MB). */
export function hugeText(): string {
  const parts: string[] = [];
  for (let i = 0; i < HUGE_TEXT_NUMBERS; i++) parts.push(number(i));
  return `${parts.join(', ')}.`;
}

export function hostilePageHtml(page: HostilePage): string {
  const head = `<!doctype html><html><head><meta charset="utf-8"><title>${page}</title></head><body>`;
  if (page === 'huge-text-node') return `${head}<p id="huge">${hugeText()}</p></body></html>`;
  const spans: string[] = [];
  for (let i = 0; i < SPAN_NUMBERS; i++) spans.push(`<span>${number(i)}</span>`);
  return `${head}<div id="spans">${spans.join(' ')}</div></body></html>`;
}

export interface HostilePageServer {
  url(page: HostilePage): string;
  close(): Promise<void>;
}

/** Serves both pages on `host` (any 127.x.y.z address: Linux routes them all to loopback). */
export async function startHostilePageServer(host = '127.0.0.1'): Promise<HostilePageServer> {
  const pages = new Map<string, string>();
  for (const page of ['huge-text-node', 'many-spans'] as const) pages.set(`/${page}.html`, hostilePageHtml(page));
  const server: Server = createServer((req, res) => {
    const html = pages.get(req.url ?? '');
    if (!html) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  server.unref();
  const port = (server.address() as { port: number }).port;
  return {
    url: (page) => `http://${host}:${port}/${page}.html`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
