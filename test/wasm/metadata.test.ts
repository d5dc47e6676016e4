// What modinfo and depmod need, read from each example .ko without compiling it.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readModuleMetadata } from '../../src/wasm/metadata.js';
import { readFunctionNames } from '../../src/wasm/names.js';
import { WasmFormatError } from '../../src/wasm/reader.js';
import { example } from '../helpers/paths.js';

const VERMAGIC = 'vermagic=6.12.0-lkm-wasm SMP mod_unload wasm32 ';
const read = (name: string) => {
  const compile = vi.spyOn(WebAssembly, 'compile');
  const module = vi.spyOn(WebAssembly, 'Module');
  const meta = readModuleMetadata(new Uint8Array(readFileSync(example(name))));
  expect(compile).not.toHaveBeenCalled();
  expect(module).not.toHaveBeenCalled();
  return meta;
};
const strings = (m: ReturnType<typeof read>) => m.modinfo.map((e) => `${e.key}=${e.value}`);
/** modinfo lines other than the srcversion hash (checked for shape separately). */
const withoutSrcversion = (m: ReturnType<typeof read>) => strings(m).filter((s) => !s.startsWith('srcversion='));

afterEach(() => { vi.restoreAllMocks(); });

describe('metadata of the example modules', () => {
  it('hello', () => {
    const m = read('hello');
    expect(withoutSrcversion(m)).toEqual([
      'license=GPL', 'author=lkm-wasm developers', 'description=Hello world: the smallest useful module',
      'version=1.0', 'depends=', 'name=hello', VERMAGIC]);
    expect(strings(m).find((s) => s.startsWith('srcversion='))).toMatch(/^srcversion=[0-9A-F]{23}$/);
    expect(m.exports).toEqual([]);
    expect(m.gplExports).toEqual([]);
    expect(m.undefinedSymbols.filter((s) => !m.weakSymbols.has(s))).toEqual(['_printk']);
    expect(m.hasInit && m.hasExit).toBe(true);
    expect(m.dylink.memorySize).toBeGreaterThan(0);
  });

  it('hello-params: parm and parmtype strings in source order', () => {
    const m = read('hello-params');
    const parm = strings(m).filter((s) => s.startsWith('parm'));
    expect(parm.slice(0, 8)).toEqual([
      'parmtype=type:charp', 'parm=type:Network type (open, wep, wpa)',
      'parmtype=debug:int', 'parm=debug:Debug level (0=none,...,16=all)',
      'parmtype=verbose:bool', 'parm=verbose:Print more',
      'parmtype=disable:invbool', 'parm=disable:Start disabled',
    ]);
    expect(parm).toContain('parmtype=ports:array of int');
    expect(parm).toContain('parmtype=name:string');
    expect(parm).toContain('parmtype=mask:hexint');
    expect(parm).toContain('parm=level:Log level 0..7 (checked by a callback)');
    // module_param_cb records no type, as in Linux.
    expect(parm.some((s) => s.startsWith('parmtype=level:'))).toBe(false);
  });

  it('the stack: exports with their GPL flag, and depends', () => {
    const a = read('stack-a');
    expect(a.exports).toEqual(['stack_a_calls', 'stack_a_add']);
    expect(a.gplExports).toEqual(['stack_a_secret']);
    expect(strings(a)).toContain('depends=');
    const b = read('stack-b');
    expect(b.exports).toEqual(['stack_b_calls', 'stack_b_twice']);
    expect(strings(b)).toContain('depends=stack-a');
    expect(b.undefinedSymbols.filter((s) => !b.weakSymbols.has(s)).sort()).toEqual(['_printk', 'stack_a_add']);
    const c = read('stack-c');
    expect(strings(c)).toContain('depends=stack-b,stack-a');
    expect(c.undefinedSymbols.filter((s) => !c.weakSymbols.has(s)).sort())
      .toEqual(['_printk', 'stack_a_add', 'stack_a_calls', 'stack_a_secret', 'stack_b_calls', 'stack_b_twice']);
  });

  it('legacy, multi-file, proprietary and unlicensed modules', () => {
    expect(read('hello-legacy').hasExit).toBe(true);
    const multi = read('hello-multi');
    expect(strings(multi).filter((s) => s.startsWith('license='))).toEqual(['license=GPL', 'license=GPL']);
    expect(strings(multi)).toContain('name=hello_multi');
    expect(strings(read('proprietary'))).toContain('license=Proprietary');
    expect(strings(read('nolicense')).some((s) => s.startsWith('license='))).toBe(false);
  });

  it('function names come from the name section', () => {
    const bytes = new Uint8Array(readFileSync(example('hello')));
    const names = [...readFunctionNames(bytes, readModuleMetadata(bytes)).values()];
    // module_init()/module_exit() make init_module/cleanup_module aliases of the functions, as Linux does;
    // the name section keeps one name per function, and the build gives it the C function's name.
    expect(names).toContain('hello_init');
    expect(names).toContain('hello_exit');
    expect(names).not.toContain('init_module');
    expect(names).toContain('_printk');
  });

  it('rejects what is not a side module', () => {
    expect(() => readModuleMetadata(new TextEncoder().encode('\x7fELF not wasm'))).toThrow(WasmFormatError);
    // A valid wasm module without dylink.0 first is not a kernel module.
    expect(() => readModuleMetadata(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))).toThrow(/dylink\.0/);
  });
});
