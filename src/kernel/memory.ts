// The kernel address space: one shared WebAssembly.Memory and one function table, with helpers to
// read and write C data from the host and to hand out table slots (reused after a module is gone).

export const PAGE_SIZE = 4096;
export const WASM_PAGE = 65536;
/** End of the NULL page: everything below stays unallocated and poisoned (oops.ts). The kernel stack starts here, vmlinux's data after it. */
export const VMLINUX_BASE = 0x10000;
export const KERNEL_STACK_SIZE = 256 * 1024;
export const MAX_PAGES = 16384; // 1 GiB

/** [bottom, top) of the kernel's C stack: right above the NULL page, below vmlinux's data. */
export function kernelStack(): { bottom: number; top: number } {
  return { bottom: VMLINUX_BASE, top: VMLINUX_BASE + KERNEL_STACK_SIZE };
}
const TABLE_GROW_STEP = 1024;

const enc = new TextEncoder();
const dec = new TextDecoder();

export class AddressSpace {
  readonly memory: WebAssembly.Memory;
  readonly table: WebAssembly.Table;
  private u8cache: Uint8Array;
  private dvcache: DataView;
  private i32cache: Int32Array;
  /** Free table ranges [start, length] left by unloaded modules. */
  private freeSlots: [number, number][] = [];
  /** Function object → table index, so a function has one address (pointer equality holds). */
  private slotOf = new Map<Function, number>();
  /** Told of every slot addressOf() gives and every range released (CPU workers mirror the table). */
  onSlot: ((slot: number, fn: Function) => void) | undefined;
  onRelease: ((start: number, n: number) => void) | undefined;

  constructor(initialPages = 64) {
    this.memory = new WebAssembly.Memory({ initial: initialPages, maximum: MAX_PAGES, shared: true });
    // Slot 0 stays null: a NULL function pointer traps when called.
    this.table = new WebAssembly.Table({ initial: 1, element: 'anyfunc' });
    this.u8cache = new Uint8Array(this.memory.buffer);
    this.dvcache = new DataView(this.memory.buffer);
    this.i32cache = new Int32Array(this.memory.buffer);
  }

  /** Byte view of the whole memory, refreshed after the C allocator grew it. */
  get u8(): Uint8Array {
    if (this.u8cache.length !== this.memory.buffer.byteLength) this.refresh();
    return this.u8cache;
  }

  get dv(): DataView {
    if (this.dvcache.byteLength !== this.memory.buffer.byteLength) this.refresh();
    return this.dvcache;
  }

  /** Word view for Atomics on the shared memory (CPU workers' doorbell and channels). */
  get words(): Int32Array {
    if (this.i32cache.byteLength !== this.memory.buffer.byteLength) this.refresh();
    return this.i32cache;
  }

  private refresh(): void {
    const buf = this.memory.buffer;
    this.u8cache = new Uint8Array(buf);
    this.dvcache = new DataView(buf);
    this.i32cache = new Int32Array(buf);
  }

  u32(addr: number): number { return this.dv.getUint32(addr, true); }
  i32(addr: number): number { return this.dv.getInt32(addr, true); }
  u16(addr: number): number { return this.dv.getUint16(addr, true); }
  setU32(addr: number, v: number): void { this.dv.setUint32(addr, v >>> 0, true); }

  /** A NUL-terminated C string at `addr` (at most `max` bytes). */
  cstring(addr: number, max = 1 << 20): string {
    const u8 = this.u8;
    let end = addr;
    const limit = Math.min(u8.length, addr + max);
    while (end < limit && u8[end] !== 0) end++;
    // TextDecoder cannot decode a view of a SharedArrayBuffer: copy the bytes out first.
    return dec.decode(u8.slice(addr, end));
  }

  bytes(addr: number, len: number): Uint8Array {
    return this.u8.slice(addr, addr + len);
  }

  /** Writes `s` NUL-terminated at `addr`; returns the byte length without the NUL. */
  writeCString(addr: number, s: string, max?: number): number {
    let b = enc.encode(s);
    if (max !== undefined && b.length >= max) b = b.subarray(0, Math.max(0, max - 1));
    this.u8.set(b, addr);
    this.u8[addr + b.length] = 0;
    return b.length;
  }

  /** Reserves `n` consecutive table slots, reusing a freed range when one fits. */
  allocSlots(n: number): number {
    if (n === 0) return this.table.length;
    const i = this.freeSlots.findIndex(([, len]) => len >= n);
    if (i >= 0) {
      const [start, len] = this.freeSlots[i]!;
      if (len === n) this.freeSlots.splice(i, 1);
      else this.freeSlots[i] = [start + n, len - n];
      return start;
    }
    // Grow in large steps: an engine updates every instance that shares the table on each grow.
    const start = this.table.grow(Math.max(n, TABLE_GROW_STEP));
    if (this.table.length > start + n) this.releaseSlots(start + n, this.table.length - start - n);
    return start;
  }

  /** Returns slots to the free list, clearing them so a stale pointer traps instead of calling old code. */
  releaseSlots(start: number, n: number): void {
    if (n === 0) return;
    for (let i = start; i < start + n; i++) {
      const f = this.table.get(i);
      if (f && this.slotOf.get(f) === i) this.slotOf.delete(f);
      this.table.set(i, null);
    }
    this.onRelease?.(start, n);
    this.freeSlots.push([start, n]);
    this.freeSlots.sort((a, b) => a[0] - b[0]);
    // Coalesce neighbours so big modules can reuse space left by small ones.
    for (let i = 0; i + 1 < this.freeSlots.length;) {
      const a = this.freeSlots[i]!, b = this.freeSlots[i + 1]!;
      if (a[0] + a[1] === b[0]) { a[1] += b[1]; this.freeSlots.splice(i + 1, 1); } else i++;
    }
  }

  /** Table slots not in use (the null slot 0 counts as used): with usage checks, a leak shows as a drop. */
  get freeSlotCount(): number {
    return this.freeSlots.reduce((n, [, len]) => n + len, 0);
  }

  /** The table index of a wasm function, giving it a slot on first use (for GOT.func and symbol_get). */
  addressOf(fn: Function): number {
    const known = this.slotOf.get(fn);
    if (known !== undefined) return known;
    const slot = this.allocSlots(1);
    this.table.set(slot, fn as never);
    this.slotOf.set(fn, slot);
    this.onSlot?.(slot, fn);
    return slot;
  }

  /** Records that `fn` already sits at `slot` (a module's own element segment). */
  noteSlot(fn: Function, slot: number): void {
    if (!this.slotOf.has(fn)) this.slotOf.set(fn, slot);
  }

  /** Every function with a slot and its slot. */
  slots(): IterableIterator<[Function, number]> {
    return this.slotOf.entries();
  }

  /** The slot a function already has, without allocating one. */
  slotIfAny(fn: Function): number | undefined {
    return this.slotOf.get(fn);
  }
}
