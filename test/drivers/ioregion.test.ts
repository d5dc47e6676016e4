// I/O resources and MMIO over kernel memory: request_region()/request_mem_region() nesting and refusal,
// /proc/ioports and /proc/iomem as Linux prints them, ioremap() of kernel memory with readl()/writel(),
// utsname(), a file_operations with every 6.12 member, vfs_fsync().
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { fixture } from '../helpers/paths.js';
import { UTS_MACHINE, UTS_NODENAME, UTS_RELEASE, UTS_VERSION } from '../../src/kernel/release.js';

describe('ioport.h, io.h, utsname.h', () => {
  it('requests, the /proc trees, MMIO through ioremap, release at exit', async () => {
    const t = await bootTestKernel();
    expect((await t.run('cat /proc/ioports /proc/iomem')).stdout).toBe('');
    const log = t.mark();
    expect((await t.run(`insmod ${fixture('ioregion')}`)).status).toBe(0);
    expect(log().filter((l) => l.startsWith('ioregion:') && !/taint/.test(l))).toEqual([
      `ioregion: uts Linux ${UTS_NODENAME} ${UTS_RELEASE} ${UTS_VERSION} ${UTS_MACHINE}`,
      'ioregion: second port request refused',
      'ioregion: overlapping memory request refused',
      'ioregion: ioremap of the NULL page refused, past the memory refused, of nothing refused',
      'ioregion: readl 12345678, memory 78 56 34 12 ab',
    ]);
    expect((await t.run('cat /proc/ioports')).stdout).toBe(
      '0378-037a : ioregion-port\n1000-10ff : ioregion-bus\n  1010-101f : ioregion-child\n');
    const iomem = (await t.run('cat /proc/iomem')).stdout;
    const m = /^([0-9a-f]{8})-([0-9a-f]{8}) : ioregion-regs\n$/.exec(iomem);
    expect(m).not.toBeNull();
    expect(parseInt(m![2]!, 16) - parseInt(m![1]!, 16)).toBe(63);

    expect((await t.run('cat /dev/ioregion')).status).toBe(0);
    expect(log().filter((l) => /fsync/.test(l))).toEqual([
      'ioregion: fsync 0-7fffffffffffffff datasync 1', 'ioregion: vfs_fsync 0',
    ]);
    expect((await t.run('rmmod ioregion')).status).toBe(0);
    expect((await t.run('cat /proc/ioports /proc/iomem')).stdout).toBe('');
  });

  it('releasing what was never requested and iounmap of an unmapped address are reported', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${fixture('ioregion')} bad=1`)).status).toBe(0);
    const log = t.mark();
    expect((await t.run('rmmod ioregion')).status).toBe(0);
    const lines = log();
    expect(lines).toContain('Trying to free nonexistent resource <0x00000500-0x00000503>');
    expect(lines.some((l) => /^iounmap: bad address [0-9a-f]+$/.test(l))).toBe(true);
    expect((await t.run('cat /proc/ioports /proc/iomem')).stdout).toBe('');
  });
});
