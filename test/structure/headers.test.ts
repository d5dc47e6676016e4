// npm run headers: Linux 6.12's include/linux names present here, and the README's count of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerCoverage } from '../../scripts/headers.js';
import { ROOT } from '../helpers/paths.js';

describe('header coverage', () => {
  const c = headerCoverage(ROOT);

  it('the README states the top-level count the script computes', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`**${c.topPresent} of the ${c.topTotal} \`include/linux/*.h\` headers of Linux 6.12**`);
  });

  it("counts the headers this kernel implements; the only extras are Linux's uapi and generated ones", () => {
    for (const h of ['fcntl.h', 'time.h', 'utsname.h', 'ioport.h', 'mm.h', 'fs.h', 'sched/signal.h']) expect(c.present).toContain(h);
    expect(c.missing).toContain('kvm_host.h');
    expect(c.present.length + c.missing.length).toBe(2676);
    expect(c.extra).toEqual(['hdreg.h', 'ioctl.h', 'utsrelease.h', 'version.h']);
  });
});
