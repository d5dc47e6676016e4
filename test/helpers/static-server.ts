// A static file server on 127.0.0.1 with the cross-origin isolation headers shared memory needs.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json',
  '.wasm': 'application/wasm', '.ko': 'application/octet-stream', '.css': 'text/css',
};

/**
 * Bare imports of dist/ files, rewritten to paths: module workers do not see a page's import map (a
 * bundler does this for the web site).
 */
export const BARE_IMPORTS: Record<string, string> = {
  comlink: '/node_modules/comlink/dist/esm/comlink.mjs',
  '@bjorn3/browser_wasi_shim': '/node_modules/@bjorn3/browser_wasi_shim/dist/index.js',
};

export async function serveStatic(root: string, bare: Record<string, string> = {}): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (path.includes('..')) { res.writeHead(403).end(); return; }
    try {
      let body: Buffer | string = await readFile(join(root, path));
      if (path.endsWith('.js') && Object.keys(bare).length) {
        body = body.toString('utf8');
        for (const [name, to] of Object.entries(bare)) body = body.replaceAll(`from '${name}'`, `from '${to}'`);
      }
      res.writeHead(200, {
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address() as { port: number };
  return { url: `http://127.0.0.1:${addr.port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
