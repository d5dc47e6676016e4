import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';
import { O_NONBLOCK, O_RDONLY } from '../../src/kernel/file.js';

describe('smoke', () => {
  it('works', async () => {
    const t = await bootTestKernel();
    let r = await t.run(`insmod ${example('vkeys')}; dmesg -t | grep -v '^ \\|taint'; ls /dev /dev/input; ls -l /dev/input`);
    console.log(r.stdout, r.stderr);
    const f = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    const g = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    try { f.read(24); } catch (e) { console.log('empty', (e as { code: string }).code); }
    r = await t.run(`echo -n aB > /proc/vkeys`);
    console.log(r);
    const b = f.read(1024);
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    for (let o = 0; o < b.length; o += 16) console.log(dv.getUint32(o, true), dv.getUint32(o + 4, true), dv.getUint16(o + 8, true), dv.getUint16(o + 10, true), dv.getInt32(o + 12, true));
    console.log('g', g.read(1024).length, f.poll(1));
    f.close(); g.close();
    r = await t.run(`rmmod vkeys; dmesg -t | tail -3; ls /dev/input /sys/class/input; cat /proc/bus/input/devices`);
    console.log(r);
  });
});
