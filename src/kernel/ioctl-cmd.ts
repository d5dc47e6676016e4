// What an ioctl command's argument is: Linux encodes direction and size in the command (_IOR/_IOW/_IOWR),
// but some old commands are plain _IO numbers that still take a pointer (the block layer's BLKSSZGET,
// BLKGETSIZE, HDIO_GETGEO …). Both the kernel's file calls and the program channel ask here.

const IOC_DIRSHIFT = 30;

/** Legacy commands whose encoding does not say their pointer argument, with the size it points to (wasm32). */
const LEGACY_POINTER: ReadonlyMap<number, number> = new Map([
  [0x125d, 4], // BLKROSET (int)
  [0x125e, 4], // BLKROGET (int)
  [0x1260, 4], // BLKGETSIZE (unsigned long)
  [0x1268, 4], // BLKSSZGET (int)
  [0x1278, 4], // BLKIOMIN (unsigned int)
  [0x1279, 4], // BLKIOOPT (unsigned int)
  [0x127a, 4], // BLKALIGNOFF (int)
  [0x127b, 4], // BLKPBSZGET (unsigned int)
  [0x0301, 8], // HDIO_GETGEO (struct hd_geometry)
  // BLKGETSIZE64 is _IOR(0x12, 114, size_t) but writes a u64: 8 bytes where wasm32 encodes 4.
  [0x80041272, 8],
]);

/** Whether the argument of `cmd` is a user pointer (else a value). */
export function ioctlTakesPointer(cmd: number): boolean {
  return (cmd >>> IOC_DIRSHIFT) !== 0 || LEGACY_POINTER.has(cmd >>> 0);
}

/** Bytes the argument points to (0: a value), and whether the kernel writes them back. */
export function ioctlArgBytes(cmd: number): { size: number; out: boolean } {
  const legacy = LEGACY_POINTER.get(cmd >>> 0);
  if (legacy !== undefined) return { size: legacy, out: true };
  const dir = cmd >>> IOC_DIRSHIFT;
  return { size: dir !== 0 ? (cmd >>> 16) & 0x3fff : 0, out: (dir & 2) !== 0 };
}
