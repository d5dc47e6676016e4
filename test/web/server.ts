// Starts the web lab's vite dev server (vite's JS API, in this process: closing it stops it, no child
// process is left behind) or a preview server of the static build.
import { createServer, build, preview, type ViteDevServer, type PreviewServer } from 'vite';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';

export interface WebServer { url: string; close(): Promise<void>; }

const CONFIG = join(ROOT, 'vite.config.ts');

function urlOf(s: ViteDevServer | PreviewServer): string {
  const u = s.resolvedUrls?.local[0];
  if (!u) throw new Error('vite did not report a URL');
  return u.replace(/\/$/, '');
}

export async function startDevServer(): Promise<WebServer> {
  const server = await createServer({ configFile: CONFIG, logLevel: 'warn', server: { port: 0, host: '127.0.0.1', strictPort: false } });
  await server.listen();
  return { url: urlOf(server), close: () => server.close() };
}

/** `vite build` into a temporary directory, then `vite preview` of it. */
export async function startPreview(outDir: string): Promise<WebServer> {
  await build({ configFile: CONFIG, logLevel: 'warn', build: { outDir } });
  const server = await preview({ configFile: CONFIG, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  return { url: urlOf(server), close: () => new Promise<void>((ok, fail) => server.httpServer.close((e) => (e ? fail(e) : ok()))) };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm',
  '.css': 'text/css', '.tar': 'application/x-tar',
};

/** A plain static server of a built site, with or without the cross-origin isolation headers. */
export async function serveDir(dir: string, coi: boolean): Promise<WebServer> {
  const { createServer } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const { extname, normalize } = await import('node:path');
  const server = createServer(async (req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (path.includes('..')) { res.writeHead(403).end(); return; }
    if (path.endsWith('/')) path += 'index.html';
    try {
      const body = await readFile(join(dir, path));
      res.writeHead(200, {
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        ...(coi ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } : {}),
      }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
