// Tiny static HTTP server on 127.0.0.1 for the far-end softphone page.
//   /far-end/*  -> test/e2e/far-end/   (far-end.html, far-end.js)
//   /sip.js/*   -> node_modules/sip.js/ (its lib/ is browser-ready ESM with relative .js imports,
//                  so the page imports '/sip.js/lib/index.js' with no bundler)
//   /fixtures/* -> test/e2e/fixtures/  (pages for click-to-call tests)
// http://127.0.0.1 is a secure context, so getUserMedia works there.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const E2E_DIR = fileURLToPath(new URL('..', import.meta.url));
const SIPJS_DIR = dirname(createRequire(import.meta.url).resolve('sip.js/package.json'));

const ROOTS: Record<string, string> = {
  'far-end': join(E2E_DIR, 'far-end'),
  'sip.js': SIPJS_DIR,
  fixtures: join(E2E_DIR, 'fixtures'),
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface FarEndServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** URL of the far-end softphone page. */
  farEndUrl: string;
  /** URL of a file under test/e2e/fixtures/, e.g. fixtureUrl('numbers.html'). */
  fixtureUrl(name: string): string;
  close(): Promise<void>;
}

export async function startFarEndServer(): Promise<FarEndServer> {
  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePromise());
  });
  // Never keep the test process alive just because a test forgot close().
  server.unref();
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('far-end server has no port');
  const origin = `http://127.0.0.1:${address.port}`;

  return {
    origin,
    farEndUrl: `${origin}/far-end/far-end.html`,
    fixtureUrl: (name) => `${origin}/fixtures/${name.replace(/^\/+/, '')}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        // Browser tabs hold keep-alive connections open; drop them or close() waits forever.
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}

async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (pathname === '/' || pathname === '/far-end' || pathname === '/far-end/') {
    res.writeHead(302, { location: '/far-end/far-end.html' }).end();
    return;
  }
  const [, rootName = '', ...rest] = pathname.split('/');
  const root = ROOTS[rootName];
  const file = root === undefined ? undefined : resolve(root, rest.join('/'));
  // Refuse anything outside the mapped roots (../ traversal).
  if (root === undefined || file === undefined || !(file === root || file.startsWith(root + sep))) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    // Tests edit fixtures between runs; never let the browser cache them.
    'cache-control': 'no-store',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
