// Network devices as ip(8) sees them: the RTM_GETLINK dump, RTM_NEWLINK changes and an AF_PACKET send,
// through vmlinux's entries in wasm/net/core/rtnetlink.c (no netlink sockets: these calls are the socket).

import type { Kernel } from './kernel.js';

/** struct rtnl_link_stats64, its counters in order (include/uapi/linux/if_link.h). */
export const LINK_STATS = [
  'rx_packets', 'tx_packets', 'rx_bytes', 'tx_bytes', 'rx_errors', 'tx_errors', 'rx_dropped', 'tx_dropped',
  'multicast', 'collisions', 'rx_length_errors', 'rx_over_errors', 'rx_crc_errors', 'rx_frame_errors',
  'rx_fifo_errors', 'rx_missed_errors', 'tx_aborted_errors', 'tx_carrier_errors', 'tx_fifo_errors',
  'tx_heartbeat_errors', 'tx_window_errors', 'rx_compressed', 'tx_compressed', 'rx_nohandler',
  'rx_otherhost_dropped',
] as const;

export type LinkStats = Record<(typeof LINK_STATS)[number], bigint>;

/** One device of the dump: the attributes of an RTM_NEWLINK message ip link prints. */
export interface NetLink {
  ifindex: number;
  name: string;
  /** dev_get_flags(): IFF_* including RUNNING and LOWER_UP. */
  flags: number;
  mtu: number;
  qdisc: string;
  /** IFLA_OPERSTATE (IF_OPER_*): DOWN when the device is not running. */
  operstate: number;
  linkMode: number;
  group: number;
  txqlen: number;
  /** ARPHRD_*. */
  type: number;
  /** Hex without separators. */
  address: string;
  broadcast: string;
  carrierChanges: number;
  stats: LinkStats;
}

/** A change of RTM_NEWLINK, in the order the kernel applies them (do_setlink: address, mtu, flags). */
export interface LinkChange { address?: Uint8Array; mtu?: number; txqlen?: number; up?: boolean }

/** A change's result: 0 or a negative errno, and the extended ack's message (ip prints "Error: MSG."). */
export interface LinkResult { error: number; message?: string }

const SETLINK = { up: 0, mtu: 1, address: 2, txqlen: 3 } as const;

function withBytes<T>(k: Kernel, parts: Uint8Array[], extra: number, fn: (ptrs: number[], extraPtr: number) => T): T {
  const size = parts.reduce((n, p) => n + p.length + 1, 0) + extra + 16;
  const base = k.vm.lkm_region_alloc(size, 16);
  try {
    const ptrs: number[] = [];
    let at = base + extra;
    for (const p of parts) {
      ptrs.push(at);
      k.mem.u8.set(p, at);
      k.mem.u8[at + p.length] = 0;
      at += p.length + 1;
    }
    return fn(ptrs, base);
  } finally {
    k.vm.lkm_region_free(base);
  }
}

const enc = new TextEncoder(), dec = new TextDecoder();

function parseLink(line: string): NetLink {
  const f = line.split('\t');
  const n = (i: number) => Number(f[i]);
  const stats = Object.fromEntries(LINK_STATS.map((s, i) => [s, BigInt(f[13 + i] ?? '0')])) as LinkStats;
  return {
    ifindex: n(0), name: f[1]!, flags: n(2), mtu: n(3), qdisc: f[4]!, operstate: n(5), linkMode: n(6),
    group: n(7), txqlen: n(8), type: n(9), address: f[10]!, broadcast: f[11]!, carrierChanges: n(12), stats,
  };
}

/** RTM_GETLINK's dump: every device in ifindex order. */
export function netLinks(k: Kernel): NetLink[] {
  for (let size = 16384; ; size *= 4) {
    const text = withBytes(k, [], size, (_p, buf) => {
      const n = k.run('ip link', () => k.vm.lkm_rtnl_getlink(buf, size));
      return n > size - 1 ? undefined : dec.decode(k.mem.bytes(buf, n));
    });
    if (text !== undefined) return text.split('\n').filter(Boolean).map(parseLink);
  }
}

function int32(v: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, v, true);
  return b;
}

/** RTM_NEWLINK on the device `name`: the changes in do_setlink()'s order, up to the first that fails. */
export function netLinkSet(k: Kernel, name: string, change: LinkChange): LinkResult {
  const steps: [number, Uint8Array][] = [];
  if (change.address) steps.push([SETLINK.address, change.address]);
  if (change.mtu !== undefined) steps.push([SETLINK.mtu, int32(change.mtu)]);
  if (change.txqlen !== undefined) steps.push([SETLINK.txqlen, int32(change.txqlen)]);
  if (change.up !== undefined) steps.push([SETLINK.up, int32(change.up ? 1 : 0)]);
  for (const [op, value] of steps) {
    const r = withBytes(k, [enc.encode(name), value], 256, ([np, vp], msg) => {
      const error = k.run('ip link set', () => k.vm.lkm_rtnl_setlink(np!, op, vp!, value.length, msg, 256));
      const message = k.mem.cstring(msg, 256);
      return message ? { error, message } : { error };
    });
    if (r.error) return r;
  }
  return { error: 0 };
}

/** sendto(2) of a whole frame on an AF_PACKET SOCK_RAW socket bound to `name`: its length, or -errno. */
export function packetSend(k: Kernel, name: string, frame: Uint8Array): number {
  return withBytes(k, [enc.encode(name), frame], 0, ([np, fp]) =>
    k.run('packet send', () => k.vm.lkm_packet_send(np!, fp!, frame.length)));
}
