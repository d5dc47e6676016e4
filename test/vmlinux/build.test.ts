// vmlinux builds without any diagnostic, exports what Linux exports, and has no unresolved imports.
import { describe, expect, it } from 'vitest';
import { buildVmlinux } from '../helpers/vmlinux-harness.ts';

describe('vmlinux build', () => {
  it('compiles and links without warnings', async () => {
    const b = await buildVmlinux();
    expect(b.diagnostics).toBe('');
  }, 300_000);

  it('imports only the ABI names and host.*', async () => {
    const b = await buildVmlinux();
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(b.wasm));
    const unexpected = imports.filter((i) => i.module !== 'host' &&
      !['memory', '__indirect_function_table', '__stack_pointer', '__memory_base', '__table_base'].includes(i.name));
    expect(unexpected).toEqual([]);
    const host = imports.filter((i) => i.module === 'host').map((i) => i.name);
    for (const name of ['add_taint', 'clock_ns', 'dump_stack', 'kallsyms', 'printk', 'random']) expect(host).toContain(name);
  }, 300_000);
});
