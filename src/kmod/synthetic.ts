// Metadata-only module files: valid WebAssembly side modules (dylink.0 first) that carry a .modinfo,
// __ksymtab/__ksymtab_gpl, imports for the symbols they need and empty functions for the symbols they
// export. depmod, modinfo and modprobe read them like real modules; no compiler is involved. Used by
// the tests (fixture trees) and the depmod benchmark (a replica of a distribution's module graph).

export interface SyntheticModule {
  /** modinfo entries in section order, e.g. [['license','GPL'], ['alias','pci:v*'], ['name','foo']]. */
  modinfo: [string, string][];
  exports?: string[];
  gplExports?: string[];
  /** Undefined symbols, imported as env.NAME functions. */
  imports?: string[];
  /** Imports marked weak in dylink.0 (may stay unresolved). */
  weak?: string[];
  /** Leave out the .modinfo section altogether (a file that is not a kernel module). */
  omitModinfo?: boolean;
}

const enc = new TextEncoder();

/** Appends `n` as an unsigned LEB128. */
export function uleb(n: number, out: number[]): void {
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
}

function name(s: string, out: number[]): void {
  const b = enc.encode(s);
  uleb(b.length, out);
  for (const x of b) out.push(x);
}

function section(id: number, body: number[], out: number[]): void {
  out.push(id);
  uleb(body.length, out);
  for (const x of body) out.push(x);
}

function custom(sname: string, payload: number[] | Uint8Array, out: number[]): void {
  const body: number[] = [];
  name(sname, body);
  for (const x of payload) body.push(x);
  section(0, body, out);
}

const nulStrings = (ss: string[]) => enc.encode(ss.map((s) => `${s}\0`).join(''));

/** Builds the bytes of a metadata-only .ko. */
export function syntheticModule(m: SyntheticModule): Uint8Array {
  const exportsAll = [...(m.exports ?? []), ...(m.gplExports ?? [])];
  const imports = m.imports ?? [];
  const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

  const dylink: number[] = [];
  const memInfo = [0, 0, 0, 0];
  dylink.push(1);
  uleb(memInfo.length, dylink);
  dylink.push(...memInfo);
  if (m.weak?.length) {
    const sub: number[] = [];
    uleb(m.weak.length, sub);
    for (const w of m.weak) { name('env', sub); name(w, sub); uleb(1, sub); }
    dylink.push(4);
    uleb(sub.length, dylink);
    dylink.push(...sub);
  }
  custom('dylink.0', dylink, out);

  section(1, [1, 0x60, 0, 0], out); // one type: () -> ()

  const imp: number[] = [];
  uleb(imports.length + 1, imp);
  name('env', imp); name('memory', imp); imp.push(2, 3); uleb(1, imp); uleb(65536, imp);
  for (const s of imports) { name('env', imp); name(s, imp); imp.push(0, 0); }
  section(2, imp, out);

  const fn: number[] = [];
  uleb(exportsAll.length, fn);
  for (let i = 0; i < exportsAll.length; i++) fn.push(0);
  section(3, fn, out);

  const ex: number[] = [];
  uleb(exportsAll.length, ex);
  exportsAll.forEach((s, i) => { name(s, ex); ex.push(0); uleb(imports.length + i, ex); });
  section(7, ex, out);

  const code: number[] = [];
  uleb(exportsAll.length, code);
  for (let i = 0; i < exportsAll.length; i++) code.push(2, 0, 0x0b);
  section(10, code, out);

  if (!m.omitModinfo) custom('.modinfo', nulStrings(m.modinfo.map(([k, v]) => `${k}=${v}`)), out);
  if (m.exports?.length) custom('__ksymtab', nulStrings(m.exports), out);
  if (m.gplExports?.length) custom('__ksymtab_gpl', nulStrings(m.gplExports), out);
  return Uint8Array.from(out);
}
