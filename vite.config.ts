// The web lab (src/web): `npm run web` serves it with vite, `npm run build:web` writes a static site into
// dist-web/. Both send the cross-origin isolation headers shared memory needs (COOP/COEP); the static
// build also carries them in dist-web/_headers for hosts that read that file (Netlify, Cloudflare Pages).
// The site data (vmlinux, module tree + depmod files, example sources, kernel headers) comes from
// src/web/site-data.node.ts, compiled by `tsc` (npm run build) and run here at serve/build time.
import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const COI = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

type Site = { site: unknown; headers: unknown };

/**
 * Imported at run time (a computed specifier), not bundled into the config: vite would otherwise watch
 * every compiled file behind it and restart the server whenever `tsc` rewrites dist/.
 */
async function collectSite(root: string, log: (l: string) => void): Promise<Site> {
  const mod = await import(pathToFileURL(join(root, 'dist/src/web/site-data.node.js')).href) as {
    collectSite(root: string, log: (l: string) => void): Promise<Site>;
  };
  return mod.collectSite(root, log);
}

function lkmSite(): Plugin {
  let data: Promise<Site> | undefined;
  const get = (fresh: boolean) => {
    if (fresh || !data) {
      data = collectSite(ROOT, (l) => console.warn(l));
      data.catch(() => { data = undefined; });
    }
    return data;
  };
  return {
    name: 'lkm-site',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        if (path !== '/lkm-root.json' && path !== '/lkm-headers.json') return next();
        try {
          // The tree is collected again on each page load, so `npm run build` output shows up on reload.
          const d = await get(path === '/lkm-root.json');
          const body = JSON.stringify(path === '/lkm-root.json' ? d.site : d.headers);
          res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...COI });
          res.end(body);
        } catch (e) {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(String((e as Error).message));
        }
      });
    },
    async generateBundle() {
      const d = await get(true);
      this.emitFile({ type: 'asset', fileName: 'lkm-root.json', source: JSON.stringify(d.site) });
      this.emitFile({ type: 'asset', fileName: 'lkm-headers.json', source: JSON.stringify(d.headers) });
      // The header service worker (src/web/coi-sw.js), served as it is next to index.html.
      this.emitFile({ type: 'asset', fileName: 'coi-sw.js', source: readFileSync(join(ROOT, 'src/web/coi-sw.js'), 'utf8') });
      this.emitFile({
        type: 'asset', fileName: '_headers',
        source: `/*\n${Object.entries(COI).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`,
      });
    },
  };
}

export default defineConfig({
  root: 'src/web',
  base: './',
  publicDir: false,
  plugins: [lkmSite()],
  server: { headers: COI, fs: { allow: [ROOT] } },
  preview: { headers: COI },
  worker: { format: 'es' },
  // Pre-bundled at start-up (a dependency found later would reload the page: the user programs' worker imports
  // the WASI shim only when the first program runs); clang loads its own .wasm files.
  optimizeDeps: { include: ['comlink', '@xterm/xterm', '@xterm/addon-fit', '@bjorn3/browser_wasi_shim'], exclude: ['@yowasp/clang'] },
  build: { outDir: '../../dist-web', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096 },
});
