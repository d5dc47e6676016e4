// file2alias: MODULE_DEVICE_TABLE(type, table) → MODULE_ALIAS lines of NAME.mod.c, in Linux 6.12's formats.
// Table bytes are built by hand in the wasm32 layouts of wasm/include/linux/mod_devicetable.h; the
// expected strings are derived by hand from file2alias.c's rules. The last test compiles a module with
// the real headers, so the C layouts and the reader are checked against each other.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deviceTableAliases, DEVICE_ID_SIZE } from '../../src/kbuild/file2alias.js';
import { buildDir, closeBuildPool } from '../../src/kbuild/build.node.js';
import { modC } from '../../src/kbuild/modpost.js';
import { customSections, nulStrings as cstrings } from '../../src/wasm/reader.js';
import { ROOT } from '../helpers/paths.js';
import { writeTree } from './fixtures.js';

const ANY = 0xffffffff;

/** A table of `type`: the entries' bytes, then the all-zero terminator. */
function table(type: string, entries: Uint8Array[]): { symbol: string; data: Uint8Array } {
  const size = DEVICE_ID_SIZE[type]!;
  const data = new Uint8Array(size * (entries.length + 1));
  entries.forEach((e, i) => { expect(e.length).toBe(size); data.set(e, i * size); });
  return { symbol: `__mod_${type}__ids_device_table`, data };
}

class Bytes {
  readonly b: Uint8Array;
  readonly v: DataView;
  constructor(size: number) { this.b = new Uint8Array(size); this.v = new DataView(this.b.buffer); }
  u8(at: number, x: number): this { this.v.setUint8(at, x); return this; }
  u16(at: number, x: number): this { this.v.setUint16(at, x, true); return this; }
  u32(at: number, x: number): this { this.v.setUint32(at, x, true); return this; }
  str(at: number, s: string): this { this.b.set(new TextEncoder().encode(s), at); return this; }
}

const pci = (v: number, d: number, sv: number, sd: number, cls = 0, mask = 0, override = 0) =>
  new Bytes(32).u32(0, v).u32(4, d).u32(8, sv).u32(12, sd).u32(16, cls).u32(20, mask).u32(24, 0x55).u32(28, override).b;
/** match_flags, idVendor, idProduct, bcdDevice_lo/hi, bDevice{Class,SubClass,Protocol}, bInterface{Class,SubClass,Protocol,Number}. */
const usb = (flags: number, v = 0, p = 0, lo = 0, hi = 0, dev: number[] = [0, 0, 0], intf: number[] = [0, 0, 0, 0]) => {
  const x = new Bytes(24).u16(0, flags).u16(2, v).u16(4, p).u16(6, lo).u16(8, hi).u32(20, 7);
  [...dev, ...intf].forEach((c, i) => x.u8(10 + i, c));
  return x.b;
};
const of = (name: string, type: string, compatible: string) => new Bytes(196).str(0, name).str(32, type).str(64, compatible).u32(192, 0x1234).b;
const acpi = (id: string, cls = 0, mask = 0) => new Bytes(28).str(0, id).u32(16, 9).u32(20, cls).u32(24, mask).b;
const named = (size: number, name: string) => new Bytes(size).str(0, name).u32(size - 4, 3).b;

const aliases = (type: string, entries: Uint8Array[]) => deviceTableAliases('m', [table(type, entries)]);

describe('file2alias formats (Linux 6.12)', () => {
  it('pci: %08X IDs, * for PCI_ANY_ID, class bytes by the mask, trailing *', () => {
    expect(aliases('pci', [
      pci(0x8086, 0x1234, ANY, ANY),
      pci(0x10ec, 0x8139, 0x1186, 0x1300),
      pci(ANY, ANY, ANY, ANY, 0x0c0330, 0xffffff),
      pci(ANY, ANY, ANY, ANY, 0x020000, 0xffff00),
      pci(0x1002, ANY, ANY, ANY, 0x030000, 0xff0000),
      pci(0x8086, 0x5678, ANY, ANY, 0, 0, 1),
    ])).toEqual({
      aliases: [
        'pci:v00008086d00001234sv*sd*bc*sc*i*',
        'pci:v000010ECd00008139sv00001186sd00001300bc*sc*i*',
        'pci:v*d*sv*sd*bc0Csc03i30*',
        'pci:v*d*sv*sd*bc02sc00i*',
        'pci:v00001002d*sv*sd*bc03sc*i*',
        'vfio_pci:v00008086d00005678sv*sd*bc*sc*i*',
      ],
      warnings: [], errors: [],
    });
  });

  it('pci: masks other than 00/ff per byte and unknown override flags are warned about and skipped', () => {
    expect(aliases('pci', [pci(ANY, ANY, ANY, ANY, 0x030000, 0xf00000), pci(1, 2, ANY, ANY, 0, 0, 2), pci(1, 2, 3, 4)])).toEqual({
      aliases: ['pci:v00000001d00000002sv00000003sd00000004bc*sc*i*'],
      warnings: ["WARNING: modpost: Can't handle masks in m:F00000", 'WARNING: modpost: Unknown PCI driver_override alias 00000002'],
      errors: [],
    });
  });

  it('usb: %04X IDs, %02X classes, * for fields not in match_flags, bcdDevice ranges as fnmatch patterns', () => {
    expect(aliases('usb', [
      usb(0x0003, 0x0403, 0x6001), // USB_DEVICE
      usb(0x000f, 0x1234, 0x5678, 0x0100, 0x0100), // USB_DEVICE_VER, one version
      usb(0x000f, 0x1234, 0x5678, 0x0000, 0x0123), // USB_DEVICE_VER, 0000..0123 (BCD)
      usb(0x0380, 0, 0, 0, 0, [0, 0, 0], [3, 1, 1, 0]), // USB_INTERFACE_INFO(3, 1, 1)
      usb(0x0070, 0, 0, 0, 0, [0xe0, 1, 1]), // USB_DEVICE_INFO(0xe0, 1, 1)
      usb(0x0403, 0x0bda, 0x8153, 0, 0, [0, 0, 0], [0, 0, 0, 2]), // USB_DEVICE_INTERFACE_NUMBER(..., 2)
      usb(0x0003), // an empty slot filled at run time: no alias
    ])).toEqual({
      aliases: [
        'usb:v0403p6001d*dc*dsc*dp*ic*isc*ip*in*',
        'usb:v1234p5678d0100dc*dsc*dp*ic*isc*ip*in*',
        'usb:v1234p5678d012[0-3]dc*dsc*dp*ic*isc*ip*in*',
        'usb:v1234p5678d01[0-1]*dc*dsc*dp*ic*isc*ip*in*',
        'usb:v1234p5678d00*dc*dsc*dp*ic*isc*ip*in*',
        'usb:v*p*d*dc*dsc*dp*ic03isc01ip01in*',
        'usb:v*p*d*dcE0dsc01dp01ic*isc*ip*in*',
        'usb:v0BDAp8153d*dc*dsc*dp*ic*isc*ip*in02*',
      ],
      warnings: [], errors: [],
    });
  });

  it('of: N<name>T<type>[*]C<compatible> (* for empty), whitespace → _, and the same + C* per entry', () => {
    expect(aliases('of', [of('', '', 'lkm,pci-ids'), of('widget', 'serial', 'lkm,widget v2'), of('chosen', '', '')]).aliases).toEqual([
      'of:N*T*Clkm,pci-ids', 'of:N*T*Clkm,pci-idsC*',
      'of:NwidgetTserial*Clkm,widget_v2', 'of:NwidgetTserial*Clkm,widget_v2C*',
      'of:NchosenT*', 'of:NchosenT*C*',
    ]);
  });

  it('acpi: acpi*:<HID>:* or acpi*:<class bytes, %02x, ?? where masked out>:*', () => {
    expect(aliases('acpi', [acpi('PNP0C09'), acpi('', 0x010601, 0xffffff), acpi('', 0x0c0300, 0xffff00)]).aliases).toEqual([
      'acpi*:PNP0C09:*', 'acpi*:010601:*', 'acpi*:0c03??:*',
    ]);
  });

  it('platform, i2c, spi: prefix and name, no wildcard', () => {
    expect(aliases('platform', [named(24, 'lkm-widget'), named(24, 'abcdefghijklmnopqrs')]).aliases).toEqual(['platform:lkm-widget', 'platform:abcdefghijklmnopqrs']);
    expect(aliases('i2c', [named(24, 'tmp102')]).aliases).toEqual(['i2c:tmp102']);
    expect(aliases('spi', [named(36, 'spidev'), named(36, 'a'.repeat(31))]).aliases).toEqual(['spi:spidev', `spi:${'a'.repeat(31)}`]);
  });

  it('skips unknown types and non-table symbols silently; a table without terminator or of a wrong size is an error', () => {
    expect(deviceTableAliases('m', [
      { symbol: '__mod_hid__ids_device_table', data: new Uint8Array(24).fill(1) },
      { symbol: '__mod_pci_device_table', data: new Uint8Array(64).fill(1) },
    ])).toEqual({ aliases: [], warnings: [], errors: [] });
    const unterminated = new Uint8Array(64);
    unterminated.set(pci(1, 2, 3, 4), 32);
    expect(deviceTableAliases('m', [{ symbol: '__mod_pci__ids_device_table', data: unterminated }]).errors)
      .toEqual(['ERROR: modpost: m: struct pci_device_id is 32 bytes.  The last of 2 is:']);
    expect(deviceTableAliases('m', [{ symbol: '__mod_i2c__ids_device_table', data: new Uint8Array(30) }]).errors).toEqual([
      'ERROR: modpost: m: sizeof(struct i2c_device_id)=24 is not a modulo of the size of section __mod_i2c__<identifier>_device_table=30.\n' +
      'Fix definition of struct i2c_device_id in mod_devicetable.h',
    ]);
    // Only the terminator: no aliases.
    expect(aliases('of', [])).toEqual({ aliases: [], warnings: [], errors: [] });
  });

  it('NAME.mod.c puts the aliases between srcversion and depends', () => {
    const c = modC({ srcversion: 'ABCDEF0123456789ABCDEF0', aliases: ['pci:v*d*sv*sd*bc02sc00i*', 'of:N*T*Ca"b'], depends: [] });
    expect(c).toContain('MODULE_INFO(srcversion, "ABCDEF0123456789ABCDEF0");\n' +
      'MODULE_ALIAS("pci:v*d*sv*sd*bc02sc00i*");\nMODULE_ALIAS("of:N*T*Ca\\"b");\nMODULE_INFO(depends, "");\n');
  });
});

describe('MODULE_DEVICE_TABLE with the real headers (compiles with @yowasp/clang)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lkm-f2a-'));
  afterAll(async () => { await closeBuildPool(); rmSync(dir, { recursive: true, force: true }); });

  it('every supported type ends up as alias= in .modinfo, in table order, after srcversion', async () => {
    // Tables come in the object's symbol-table order (as Linux walks the ELF symtab); entries in table order.
    writeTree(dir, {
      Kbuild: 'obj-m += ids.o\n',
      'ids.c': `#include <linux/module.h>
#include <linux/mod_devicetable.h>
#include <linux/pci.h>
#include <linux/usb.h>
static const struct pci_device_id p[] = {
	{ PCI_DEVICE(0x8086, 0x1234) }, { PCI_DEVICE_SUB(0x10ec, 0x8139, 0x1186, 0x1300) },
	{ PCI_DEVICE_CLASS(0x020000, 0xffff00) }, { PCI_DRIVER_OVERRIDE_DEVICE_VFIO(0x8086, 0x5678) }, { }
};
MODULE_DEVICE_TABLE(pci, p);
static const struct usb_device_id u[] = {
	{ USB_DEVICE(0x0403, 0x6001), .driver_info = 1 }, { USB_DEVICE_VER(0x1234, 0x5678, 0x0000, 0x0123) },
	{ USB_INTERFACE_INFO(3, 1, 1) }, { USB_DEVICE_INTERFACE_NUMBER(0x0bda, 0x8153, 2) }, { }
};
MODULE_DEVICE_TABLE(usb, u);
static const int hook;
static const struct of_device_id o[] = { { .compatible = "lkm,ids", .data = &hook }, { .name = "w", .type = "serial" }, { } };
MODULE_DEVICE_TABLE(of, o);
static const struct acpi_device_id a[] = { { "PNP0C09", 1 }, { "", 0, 0x010601, 0xffffff }, { } };
MODULE_DEVICE_TABLE(acpi, a);
static const struct platform_device_id pl[] = { { "lkm-widget" }, { } };
MODULE_DEVICE_TABLE(platform, pl);
static const struct i2c_device_id i[] = { { "tmp102", 2 }, { } };
MODULE_DEVICE_TABLE(i2c, i);
static const struct spi_device_id s[] = { { "spidev" }, { } };
MODULE_DEVICE_TABLE(spi, s);
MODULE_LICENSE("GPL");
`,
    });
    const r = await buildDir(dir, { includeDir: join(ROOT, 'wasm/include'), vmlinux: false, jobs: 2, log: () => {} });
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    const info = customSections(new Uint8Array(readFileSync(join(dir, 'ids.ko'))), '.modinfo').flatMap(cstrings);
    expect(info[0]).toBe('license=GPL');
    expect(info[1]).toMatch(/^srcversion=[0-9A-F]{23}$/);
    const expected = [
      'alias=pci:v00008086d00001234sv*sd*bc*sc*i*',
      'alias=pci:v000010ECd00008139sv00001186sd00001300bc*sc*i*',
      'alias=pci:v*d*sv*sd*bc02sc00i*',
      'alias=vfio_pci:v00008086d00005678sv*sd*bc*sc*i*',
      'alias=usb:v0403p6001d*dc*dsc*dp*ic*isc*ip*in*',
      'alias=usb:v1234p5678d012[0-3]dc*dsc*dp*ic*isc*ip*in*',
      'alias=usb:v1234p5678d01[0-1]*dc*dsc*dp*ic*isc*ip*in*',
      'alias=usb:v1234p5678d00*dc*dsc*dp*ic*isc*ip*in*',
      'alias=usb:v*p*d*dc*dsc*dp*ic03isc01ip01in*',
      'alias=usb:v0BDAp8153d*dc*dsc*dp*ic*isc*ip*in02*',
      'alias=of:N*T*Clkm,ids',
      'alias=of:N*T*Clkm,idsC*',
      'alias=of:NwTserial',
      'alias=of:NwTserialC*',
      'alias=acpi*:PNP0C09:*',
      'alias=acpi*:010601:*',
      'alias=platform:lkm-widget',
      'alias=i2c:tmp102',
      'alias=spi:spidev',
    ];
    expect(info.slice(-3)).toEqual(['depends=', 'name=ids', 'vermagic=6.12.0-lkm-wasm SMP mod_unload wasm32 ']);
    const got = info.slice(2, -3);
    expect([...got].sort()).toEqual([...expected].sort());
    for (const prefix of ['alias=pci:', 'alias=vfio_pci:', 'alias=usb:', 'alias=of:', 'alias=acpi', 'alias=platform:', 'alias=i2c:', 'alias=spi:']) {
      expect(got.filter((a) => a.startsWith(prefix))).toEqual(expected.filter((a) => a.startsWith(prefix)));
    }
    expect(r.modules[0]!.aliases).toHaveLength(19);
  }, 120_000);
});
