// Device-table aliases end to end over the pci-ids example (modules-src/pci-ids): the build's file2alias
// wrote alias= entries from MODULE_DEVICE_TABLE(pci/of); depmod indexes them in modules.alias, and modprobe
// loads the module for a concrete modalias (as udev does with MODALIAS) by fnmatch of the patterns.
import { describe, expect, it } from 'vitest';
import { MODDIR, exampleKo, shellOver, tree, withKernel } from './helpers.js';

async function setup() {
  const vfs = tree({
    'extra/hello.ko': exampleKo('hello'), 'extra/pci-ids.ko': exampleKo('pci-ids'),
    'modules.order': 'extra/hello.ko\nextra/pci-ids.ko\n',
  });
  const k = withKernel(vfs);
  const t = shellOver(vfs, k);
  expect((await t.run('depmod')).status).toBe(0);
  return { vfs, k, t };
}

describe('MODULE_DEVICE_TABLE aliases (pci-ids)', () => {
  it('modinfo shows them after srcversion; depmod writes one modules.alias line per pattern', async () => {
    const { t } = await setup();
    expect((await t.run('modinfo -F alias pci_ids')).stdout).toBe([
      'pci:v00008086d00001234sv*sd*bc*sc*i*',
      'pci:v000010ECd00008139sv00001186sd00001300bc*sc*i*',
      'pci:v*d*sv*sd*bc0Csc03i30*',
      'pci:v*d*sv*sd*bc02sc00i*',
      'of:N*T*Clkm,pci-ids',
      'of:N*T*Clkm,pci-idsC*',
      'of:NwidgetTserial*Clkm,widget_v2',
      'of:NwidgetTserial*Clkm,widget_v2C*',
      '',
    ].join('\n'));
    const keys = (await t.run('modinfo pci_ids')).stdout.split('\n').map((l) => l.split(':')[0]);
    expect(keys.slice(keys.indexOf('srcversion'))).toEqual(['srcversion', 'alias', 'alias', 'alias', 'alias', 'alias', 'alias', 'alias', 'alias',
      'depends', 'name', 'vermagic', '']);
    const alias = (await t.run(`cat ${MODDIR}/modules.alias`)).stdout;
    expect(alias.split('\n')[0]).toBe('# Aliases extracted from modules themselves.');
    expect(alias.split('\n').slice(1, -1).sort()).toEqual([
      'alias of:N*T*Clkm,pci-ids pci_ids',
      'alias of:N*T*Clkm,pci-idsC* pci_ids',
      'alias of:NwidgetTserial*Clkm,widget_v2 pci_ids',
      'alias of:NwidgetTserial*Clkm,widget_v2C* pci_ids',
      'alias pci:v*d*sv*sd*bc02sc00i* pci_ids',
      'alias pci:v*d*sv*sd*bc0Csc03i30* pci_ids',
      'alias pci:v000010ECd00008139sv00001186sd00001300bc*sc*i* pci_ids',
      'alias pci:v00008086d00001234sv*sd*bc*sc*i* pci_ids',
    ]);
  });

  it('modprobe of a concrete PCI modalias loads it; so do a class match and an OF modalias', async () => {
    let { k, t } = await setup();
    expect(await t.run("modprobe 'pci:v00008086d00001234sv00001028sd000004AAbc02sc00i00'")).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(k.calls).toEqual(['pci_ids']);
    ({ k, t } = await setup());
    expect((await t.run('modprobe -R pci:v000014E4d00001657sv0000103Csd000022BEbc02sc00i00')).stdout).toBe('pci_ids\n');
    expect((await t.run('modprobe -R pci:v00001B36d0000000Dsv00001AF4sd00001100bc0Csc03i30')).stdout).toBe('pci_ids\n');
    // That board is an Ethernet controller too: two patterns match, and -R prints one line per match.
    expect((await t.run('modprobe -R pci:v000010ECd00008139sv00001186sd00001300bc02sc00i00')).stdout).toBe('pci_ids\npci_ids\n');
    expect(await t.run('modprobe of:NwidgetTserialClkm,widget_v2Cns16550a')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(k.calls).toEqual(['pci_ids']);
  });

  it('a modalias no pattern matches loads nothing', async () => {
    const { k, t } = await setup();
    // Other device; other subsystem of 10ec:8139; a USB controller that is not xHCI (prog-if 20).
    for (const a of ['pci:v00008086d00001235sv00001028sd000004AAbc01sc06i01', 'pci:v000010ECd00008139sv00001186sd00001301bc01sc00i00',
      'pci:v00008086d00002934sv*sd*bc0Csc03i20']) {
      expect((await t.run(`modprobe -q '${a}'`)).status).toBe(1);
    }
    expect(k.calls).toEqual([]);
  });
});
