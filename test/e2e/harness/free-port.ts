import { createServer } from 'node:net';

/**
 * Ask the kernel for a free TCP port on 127.0.0.1.
 * There is a small race (someone may grab it before we re-bind), acceptable for tests;
 * callers that spawn a server detect a failed bind through their readiness check.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the bound port'));
        return;
      }
      const { port } = address;
      server.close(() => resolve(port));
    });
  });
}
