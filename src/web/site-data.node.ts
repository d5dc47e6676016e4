// Build-time data of the web lab (Node only; used by the vite plugin in vite.config.ts): vmlinux, the module
// tree with depmod's files (built and indexed here, so the page boots with `modprobe stack_c` working), the
// sources of the examples (editor, and /usr/src/lkm-examples in the emulated file system) and the kernel
// headers the in-browser compiler needs, the example user programs (kbuild userprogs of the examples, built by
// `npm run build` into build/bin/, installed in /root so the shell runs them as ./NAME) and the user-program
// runtime (wasm/user/lkm-user.c) the in-browser compiler links into programs. Two JSON files:
//   lkm-root.json     the initial file system (+ vmlinux), about 0.4 MB
//   lkm-headers.json  wasm/include, wasm/user and Module.symvers, fetched only when the user first compiles

import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { buildDir } from '../kbuild/build.node.js';
import { depmod } from '../tools/depmod.js';
import { MemoryBacking, Vfs } from '../vfs/index.js';
import { RELEASE, SOURCES_DIR, USER_MODULES_DIR, type HeadersData, type SiteData } from './site-types.js';

/** Examples of the page itself (not in modules-src/): built into the same tree. */
export const WEB_EXAMPLES = 'src/web/examples';

async function walk(dir: string, keep: (rel: string) => boolean = () => true): Promise<string[]> {
  const out: string[] = [];
  const visit = async (d: string): Promise<void> => {
    let ents;
    try { ents = await readdir(d, { withFileTypes: true }); } catch { return; }
    for (const e of ents.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.')) await visit(p);
      } else if (keep(relative(dir, p))) out.push(p);
    }
  };
  await visit(dir);
  return out;
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const isSource = (rel: string) => /(^|\/)(Makefile|Kbuild)$|\.[ch]$/.test(rel);

/**
 * Collects the site data from a checkout where `npm run build` has run (build/vmlinux.ko and the example
 * tree). Also builds src/web/examples (incremental) into build/web-extra.
 */
export async function collectSite(root: string, log: (line: string) => void = () => {}): Promise<{ site: SiteData; headers: HeadersData }> {
  const vmlinuxPath = join(root, 'build/vmlinux.ko');
  if (!existsSync(vmlinuxPath)) throw new Error(`${vmlinuxPath} is missing: run \`npm run build\` first`);
  const treeDir = join(root, 'build/lib/modules', RELEASE);
  const mem = new MemoryBacking();
  const files: Record<string, string> = {};
  const put = (path: string, data: Uint8Array) => { mem.putSync(path, data); files[path] = b64(data); };

  for (const f of await walk(join(treeDir, 'extra'), (r) => r.endsWith('.ko'))) {
    put(`/lib/modules/${RELEASE}/extra/${relative(join(treeDir, 'extra'), f)}`, new Uint8Array(await readFile(f)));
  }
  let order = existsSync(join(treeDir, 'modules.order')) ? await readFile(join(treeDir, 'modules.order'), 'utf8') : '';
  // vmlinux's built-in modules (the build writes both files; depmod indexes their aliases below).
  for (const f of ['modules.builtin', 'modules.builtin.modinfo']) {
    if (existsSync(join(treeDir, f))) put(`/lib/modules/${RELEASE}/${f}`, new Uint8Array(await readFile(join(treeDir, f))));
  }

  // The page's own examples (the soft lockup one): built like modules-src, added to the tree.
  const extraSrc = join(root, WEB_EXAMPLES);
  if (existsSync(extraSrc)) {
    for (const ent of (await readdir(extraSrc, { withFileTypes: true })).filter((e) => e.isDirectory())) {
      const out = join(root, 'build/web-extra', ent.name);
      const r = await buildDir(join(extraSrc, ent.name), { outDir: out, vmlinux: vmlinuxPath, log: (t, s) => { if (s === 'err') log(t.trimEnd()); } });
      if (!r.ok) throw new Error(`building ${WEB_EXAMPLES}/${ent.name} failed:\n${r.errors.join('\n')}\n${r.diagnostics}`);
      for (const m of r.modules) {
        put(`/lib/modules/${RELEASE}/extra/${m.name}.ko`, new Uint8Array(await readFile(m.path)));
        order += `extra/${m.name}.ko\n`;
      }
      for (const p of r.programs) put(`${USER_MODULES_DIR}/${p.name}`, new Uint8Array(await readFile(p.path)));
    }
  }
  // The user programs of modules-src/ (npm run build → build/bin/): in /root, the shell's starting directory.
  for (const f of await walk(join(root, 'build/bin'))) put(`${USER_MODULES_DIR}/${relative(join(root, 'build/bin'), f)}`, new Uint8Array(await readFile(f)));
  const orderBytes = new TextEncoder().encode(order);
  put(`/lib/modules/${RELEASE}/modules.order`, orderBytes);

  // depmod at build time, over exactly the files the page gets.
  const vfs = new Vfs(mem);
  let depErr = '';
  const status = await depmod(['-a'], { vfs, cwd: '/', stdout: () => {}, stderr: (t) => { depErr += t; } });
  if (status !== 0) throw new Error(`depmod failed: ${depErr}`);
  for (const name of await vfs.readdir(`/lib/modules/${RELEASE}`)) {
    const p = `/lib/modules/${RELEASE}/${name}`;
    if ((await vfs.stat(p))?.type === 'file' && !(p in files)) files[p] = b64(await vfs.readFile(p));
  }

  // Example sources: editor + /usr/src/lkm-examples/<dir>/…
  const sources: Record<string, string> = {};
  for (const base of [join(root, 'modules-src'), extraSrc]) {
    for (const f of await walk(base, isSource)) {
      const rel = relative(base, f);
      const text = await readFile(f, 'utf8');
      sources[rel] = text;
      files[`${SOURCES_DIR}/${rel}`] = b64(new TextEncoder().encode(text));
    }
  }

  const headerFiles: Record<string, string> = {};
  const inc = join(root, 'wasm/include');
  for (const f of await walk(inc)) headerFiles[relative(inc, f)] = await readFile(f, 'utf8');
  const userFiles: Record<string, string> = {};
  const userDir = join(root, 'wasm/user');
  for (const f of await walk(userDir, isSource)) userFiles[relative(userDir, f)] = await readFile(f, 'utf8');
  const symversPath = join(root, 'build/Module.symvers');
  const symvers = existsSync(symversPath) ? await readFile(symversPath, 'utf8') : '';

  return {
    site: { release: RELEASE, vmlinux: b64(new Uint8Array(await readFile(vmlinuxPath))), files, sources },
    headers: { include: headerFiles, user: userFiles, symvers },
  };
}
