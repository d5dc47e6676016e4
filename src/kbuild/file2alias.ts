// file2alias, as Linux 6.12's scripts/mod/file2alias.c: MODULE_DEVICE_TABLE(type, table) defines
// `__mod_<type>__<table>_device_table` (an alias of the table); modpost reads the table's bytes from the
// object and turns each entry into a MODULE_ALIAS("…") line of NAME.mod.c. Layouts are those of a 32-bit
// Linux target (wasm32: kernel_ulong_t and pointers are 4 bytes), little-endian; see
// wasm/include/linux/mod_devicetable.h. Supported types: pci, usb, of, acpi, platform, i2c, spi; symbols of
// other types are skipped silently, as Linux skips types it has no handler for.

export interface DeviceTable {
  /** Symbol name, `__mod_<type>__<name>_device_table`. */
  symbol: string;
  /** The symbol's bytes (its whole size). */
  data: Uint8Array;
}

export interface AliasResult {
  aliases: string[];
  warnings: string[];
  errors: string[];
}

/** Entry sizes on wasm32 (sizeof(struct <type>_device_id)). */
export const DEVICE_ID_SIZE: Record<string, number> = {
  pci: 32, usb: 24, of: 196, acpi: 28, platform: 24, i2c: 24, spi: 36,
};

const PCI_ANY_ID = 0xffffffff;
const PCI_ID_F_VFIO_DRIVER_OVERRIDE = 1;

const USB_MATCH_VENDOR = 0x0001;
const USB_MATCH_PRODUCT = 0x0002;
const USB_MATCH_DEV_LO = 0x0004;
const USB_MATCH_DEV_HI = 0x0008;
const USB_MATCH_DEV_CLASS = 0x0010;
const USB_MATCH_DEV_SUBCLASS = 0x0020;
const USB_MATCH_DEV_PROTOCOL = 0x0040;
const USB_MATCH_INT_CLASS = 0x0080;
const USB_MATCH_INT_SUBCLASS = 0x0100;
const USB_MATCH_INT_PROTOCOL = 0x0200;
const USB_MATCH_INT_NUMBER = 0x0400;

class Entry {
  constructor(readonly b: Uint8Array, readonly at: number) {}
  u8(off: number): number { return this.b[this.at + off]!; }
  u16(off: number): number { return this.u8(off) | (this.u8(off + 1) << 8); }
  u32(off: number): number { return (this.u16(off) | (this.u16(off + 2) << 16)) >>> 0; }
  /** A char[len] field: up to the first NUL (or the whole field). */
  str(off: number, len: number): string {
    let end = off;
    while (end < off + len && this.u8(end) !== 0) end++;
    return new TextDecoder('latin1').decode(this.b.subarray(this.at + off, this.at + end));
  }
}

const hex = (v: number, width: number): string => v.toString(16).toUpperCase().padStart(width, '0');

/** Linux's ADD(): `sep` then the field in %02X/%04X/%08X by its size, or `*` when not matched on. */
function add(sep: string, cond: boolean, value: number, size: 1 | 2 | 4): string {
  return sep + (cond ? hex(value, size * 2) : '*');
}

/** End in a wildcard, for future extension. */
function addWildcard(s: string): string {
  return s.endsWith('*') ? s : `${s}*`;
}

/* Looks like: pci:vNdNsvNsdNbcNscNiN or <prefix>_pci:vNdNsvNsdNbcNscNiN. */
function doPci(modname: string, e: Entry, out: AliasResult): void {
  const vendor = e.u32(0), device = e.u32(4), subvendor = e.u32(8), subdevice = e.u32(12);
  const cls = e.u32(16), classMask = e.u32(20), overrideOnly = e.u32(28);
  let alias: string;
  if (overrideOnly === 0) alias = 'pci:';
  else if (overrideOnly === PCI_ID_F_VFIO_DRIVER_OVERRIDE) alias = 'vfio_pci:';
  else { out.warnings.push(`WARNING: modpost: Unknown PCI driver_override alias ${hex(overrideOnly, 8)}`); return; }
  alias += add('v', vendor !== PCI_ANY_ID, vendor, 4);
  alias += add('d', device !== PCI_ANY_ID, device, 4);
  alias += add('sv', subvendor !== PCI_ANY_ID, subvendor, 4);
  alias += add('sd', subdevice !== PCI_ANY_ID, subdevice, 4);
  const baseclass = (cls >>> 16) & 0xff, baseclassMask = (classMask >>> 16) & 0xff;
  const subclass = (cls >>> 8) & 0xff, subclassMask = (classMask >>> 8) & 0xff;
  const iface = cls & 0xff, ifaceMask = classMask & 0xff;
  if ((baseclassMask !== 0 && baseclassMask !== 0xff) || (subclassMask !== 0 && subclassMask !== 0xff) ||
      (ifaceMask !== 0 && ifaceMask !== 0xff)) {
    out.warnings.push(`WARNING: modpost: Can't handle masks in ${modname}:${hex(classMask, 4)}`);
    return;
  }
  alias += add('bc', baseclassMask === 0xff, baseclass, 1);
  alias += add('sc', subclassMask === 0xff, subclass, 1);
  alias += add('i', ifaceMask === 0xff, iface, 1);
  out.aliases.push(addWildcard(alias));
}

/* USB is special because the bcdDevice can be matched against a numeric range. */
/* Looks like "usb:vNpNdNdcNdscNdpNicNiscNipNinN" */
function doUsbEntry(e: Entry, initial: number, initialDigits: number, rangeLo: number, rangeHi: number, max: number,
  out: AliasResult): void {
  const flags = e.u16(0);
  let alias = 'usb:';
  alias += add('v', (flags & USB_MATCH_VENDOR) !== 0, e.u16(2), 2);
  alias += add('p', (flags & USB_MATCH_PRODUCT) !== 0, e.u16(4), 2);
  alias += 'd';
  if (initialDigits) alias += hex(initial, initialDigits);
  if (rangeLo === rangeHi) alias += hex(rangeLo, 1);
  else if (rangeLo > 0 || rangeHi < max) {
    if (rangeLo > 0x9 || rangeHi < 0xa) alias += `[${hex(rangeLo, 1)}-${hex(rangeHi, 1)}]`;
    else {
      alias += rangeLo < 0x9 ? `[${hex(rangeLo, 1)}-9` : `[${hex(rangeLo, 1)}`;
      alias += rangeHi > 0xa ? `A-${hex(rangeHi, 1)}]` : `${hex(rangeHi, 1)}]`;
    }
  }
  if (initialDigits < 3) alias += '*';
  alias += add('dc', (flags & USB_MATCH_DEV_CLASS) !== 0, e.u8(10), 1);
  alias += add('dsc', (flags & USB_MATCH_DEV_SUBCLASS) !== 0, e.u8(11), 1);
  alias += add('dp', (flags & USB_MATCH_DEV_PROTOCOL) !== 0, e.u8(12), 1);
  alias += add('ic', (flags & USB_MATCH_INT_CLASS) !== 0, e.u8(13), 1);
  alias += add('isc', (flags & USB_MATCH_INT_SUBCLASS) !== 0, e.u8(14), 1);
  alias += add('ip', (flags & USB_MATCH_INT_PROTOCOL) !== 0, e.u8(15), 1);
  alias += add('in', (flags & USB_MATCH_INT_NUMBER) !== 0, e.u8(16), 1);
  out.aliases.push(addWildcard(alias));
}

/** Linux's incbcd(): returns the value before, steps `box.v` by `inc` (in BCD when max is 9). */
function incbcd(box: { v: number }, inc: number, max: number, chars: number): number {
  const init = box.v;
  if (max > 0x9) { box.v = (box.v + inc) >>> 0; return init; }
  let dec = 0;
  for (let i = 0; i < chars; i++) {
    let c = (box.v >>> (i << 2)) & 0xf;
    c = c > 9 ? 9 : c;
    dec += c * 10 ** i;
  }
  dec += inc;
  let bcd = 0;
  for (let i = 0; i < chars; i++) {
    // Linux computes in unsigned long long: a decrement below 0 wraps to 2^64 - 1.
    const d = dec < 0 ? Number((2n ** 64n - 1n) / 10n ** BigInt(i) % 10n) : Math.floor(dec / 10 ** i) % 10;
    bcd = (bcd + (d << (i << 2))) >>> 0;
  }
  box.v = bcd;
  return init;
}

/** Linux's do_usb_entry_multi(): one alias per bcdDevice sub-range that fnmatch can express. */
function doUsbMulti(e: Entry, out: AliasResult): void {
  const flags = e.u16(0);
  const idVendor = e.u16(2), idProduct = e.u16(4);
  const bcdLo = e.u16(6), bcdHi = e.u16(8);
  const bDeviceClass = e.u8(10), bInterfaceClass = e.u8(13);
  const lo = { v: flags & USB_MATCH_DEV_LO ? bcdLo : 0 };
  const hi = { v: flags & USB_MATCH_DEV_HI ? bcdHi : 0xffffffff };
  const chars = 4; // sizeof(bcdDevice_lo) * 2

  /* Figure out if this entry is in bcd or hex format */
  let max = 0x9;
  for (let nd = 0; nd < chars; nd++) {
    const clo = (lo.v >>> (nd << 2)) & 0xf;
    const chi = ((hi.v > 0x9999 ? 0x9999 : hi.v) >>> (nd << 2)) & 0xf;
    if (clo > max || chi > max) { max = 0xf; break; }
  }

  /* Some modules (visor) have empty slots as placeholder for run-time specification that results in catch-all alias */
  if (!(idVendor | idProduct | bDeviceClass | bInterfaceClass)) return;

  /* Convert numeric bcdDevice range into fnmatch-able pattern(s) */
  for (let nd = chars - 1; lo.v <= hi.v; nd--) {
    const clo = lo.v & 0xf;
    let chi = hi.v & 0xf;
    if (chi > max) chi = max; /* If we are in bcd mode, truncate if necessary */
    lo.v >>>= 4;
    hi.v >>>= 4;
    if (lo.v === hi.v || !nd) {
      doUsbEntry(e, lo.v, nd, clo, chi, max, out);
      break;
    }
    if (clo > 0x0) doUsbEntry(e, incbcd(lo, 1, max, chars), nd, clo, max, max, out);
    if (chi < max) doUsbEntry(e, incbcd(hi, -1, max, chars), nd, 0x0, chi, max, out);
  }
}

const isSpace = (c: string): boolean => c === ' ' || (c >= '\t' && c <= '\r');

/* Looks like: of:NnameTtypeCcompatible (two aliases per entry: exact, and with C* for more compatibles) */
function doOf(e: Entry, out: AliasResult): void {
  const name = e.str(0, 32), type = e.str(32, 32), compatible = e.str(64, 128);
  let alias = `of:N${name || '*'}T${type || '*'}`;
  if (compatible) alias += `${type ? '*' : ''}C${compatible}`;
  alias = [...alias].map((c) => (isSpace(c) ? '_' : c)).join('');
  out.aliases.push(alias);
  out.aliases.push(addWildcard(`${alias}C`));
}

/* looks like: "acpi:ACPI0003" or "acpi:PNP0C0B" or "acpi:LNXVIDEO" or "acpi:bbsspp" (class, ?? = don't care) */
function doAcpi(e: Entry, out: AliasResult): void {
  const id = e.str(0, 16), cls = e.u32(20), clsMsk = e.u32(24);
  if (id) { out.aliases.push(`acpi*:${id}:*`); return; }
  if (!cls) return; // Linux would print a stale buffer here; an entry with neither is skipped.
  let alias = 'acpi*:';
  for (let i = 1; i <= 3; i++) {
    const shift = 8 * (3 - i);
    alias += (clsMsk >>> shift) & 0xff ? ((cls >>> shift) & 0xff).toString(16).padStart(2, '0') : '??';
  }
  out.aliases.push(`${alias}:*`);
}

function doName(prefix: string, len: number): (e: Entry, out: AliasResult) => void {
  return (e, out) => { out.aliases.push(`${prefix}${e.str(0, len)}`); };
}

const HANDLERS: Record<string, (modname: string, e: Entry, out: AliasResult) => void> = {
  pci: doPci,
  usb: (_m, e, out) => doUsbMulti(e, out),
  of: (_m, e, out) => doOf(e, out),
  acpi: (_m, e, out) => doAcpi(e, out),
  platform: (_m, e, out) => doName('platform:', 20)(e, out),
  i2c: (_m, e, out) => doName('i2c:', 20)(e, out),
  spi: (_m, e, out) => doName('spi:', 32)(e, out),
};

/**
 * Aliases of one module's device tables, in the order of `tables` and of the entries in each (the last
 * entry is the terminator and is not read, as Linux's do_table: "Leave last one"). Errors are Linux's
 * fatal device_id_check() messages (size not a multiple of the entry size; last entry not all zero).
 */
export function deviceTableAliases(modname: string, tables: DeviceTable[]): AliasResult {
  const out: AliasResult = { aliases: [], warnings: [], errors: [] };
  for (const t of tables) {
    /* All our symbols are of form __mod_<type>__<name>_device_table. */
    if (!t.symbol.startsWith('__mod_')) continue;
    const rest = t.symbol.slice('__mod_'.length);
    const sep = rest.indexOf('__');
    if (sep < 0) continue;
    const type = rest.slice(0, sep);
    const handler = HANDLERS[type];
    const idSize = DEVICE_ID_SIZE[type];
    if (!handler || !idSize) continue;
    const size = t.data.length;
    if (size % idSize || size < idSize) {
      out.errors.push(`ERROR: modpost: ${modname}: sizeof(struct ${type}_device_id)=${idSize} is not a modulo of the size of section __mod_${type}__<identifier>_device_table=${size}.\n` +
        `Fix definition of struct ${type}_device_id in mod_devicetable.h`);
      continue;
    }
    if (t.data.subarray(size - idSize).some((b) => b !== 0)) {
      out.errors.push(`ERROR: modpost: ${modname}: struct ${type}_device_id is ${idSize} bytes.  The last of ${size / idSize} is:`);
      continue;
    }
    for (let at = 0; at < size - idSize; at += idSize) handler(modname, new Entry(t.data, at), out);
  }
  return out;
}
