// ip (iproute2) for network devices: `ip [-s] [-br] link [show [dev] NAME] [up]` and `ip link set [dev] NAME
// {up|down|mtu N|address LLADDR|txqueuelen N}...`, with iproute2's texts, exit statuses (1: no such
// device, 2: the kernel refused, 255: a command line error) and column sizing of the statistics.
// The kernel calls play the rtnetlink socket (src/kernel/net.ts).

import type { Command } from '../shell.js';
import type { NetLink } from '../../kernel/net.js';
import { strerror } from '../../kernel/errno.js';

type Io = Parameters<Command>[1];
type Sh = Parameters<Command>[2];

/** iproute2's matches(): `arg` is a prefix of `word`. */
const matches = (arg: string, word: string) => arg.length > 0 && word.startsWith(arg);

const IFF: [string, number][] = [
  ['LOOPBACK', 0x8], ['BROADCAST', 0x2], ['POINTOPOINT', 0x10], ['MULTICAST', 0x1000], ['NOARP', 0x80],
  ['ALLMULTI', 0x200], ['PROMISC', 0x100], ['MASTER', 0x400], ['SLAVE', 0x800], ['DEBUG', 0x4],
  ['DYNAMIC', 0x8000], ['AUTOMEDIA', 0x4000], ['PORTSEL', 0x2000], ['NOTRAILERS', 0x20], ['UP', 0x1],
  ['LOWER_UP', 0x10000], ['DORMANT', 0x20000], ['ECHO', 0x40000],
];
const IFF_UP = 0x1, IFF_RUNNING = 0x40;
const OPER_STATES = ['UNKNOWN', 'NOTPRESENT', 'DOWN', 'LOWERLAYERDOWN', 'TESTING', 'DORMANT', 'UP'];
const LINK_MODES = ['DEFAULT', 'DORMANT'];
const LINK_TYPES: Record<number, string> = { 1: 'ether', 772: 'loopback', 0xfffe: 'none', 0xffff: 'void' };

/** print_link_flags(): NO-CARRIER first when up without RUNNING, then the names, unknown bits in hex. */
function linkFlags(flags: number): string {
  const names: string[] = [];
  if (flags & IFF_UP && !(flags & IFF_RUNNING)) names.push('NO-CARRIER');
  let rest = flags & ~IFF_RUNNING;
  for (const [name, bit] of IFF) {
    if (rest & bit) { names.push(name); rest &= ~bit; }
  }
  if (rest) names.push(rest.toString(16));
  return `<${names.join(',')}> `;
}

const lladdr = (hex: string) => (hex.match(/../g) ?? []).join(':');

/** size_columns(): the width a value needs, counted as iproute2 counts it. */
function sizeColumns(cols: number[], values: bigint[]): void {
  values.forEach((v, i) => {
    let len = 1;
    for (let powi = 10n; powi < v; len++, powi *= 10n);
    if (len > cols[i]!) cols[i] = len;
  });
}

function linkStats(l: NetLink): string {
  const s = l.stats;
  const cols = [10, 7, 6, 7, 7, 7, 10, 9];
  const rx = [s.rx_bytes, s.rx_packets, s.rx_errors, s.rx_dropped, s.rx_missed_errors, s.multicast, s.rx_compressed, 0n];
  const tx = [s.tx_bytes, s.tx_packets, s.tx_errors, s.tx_dropped, s.tx_carrier_errors, s.collisions, s.tx_compressed];
  sizeColumns(cols, rx);
  sizeColumns(cols, tx);
  const header = (dir: string, c4: string, c5: string, compressed: boolean) =>
    `    ${dir}: ${'bytes'.padStart(cols[0]! - 4)} ${'packets'.padStart(cols[1]!)} ${'errors'.padStart(cols[2]!)} ` +
    `${'dropped'.padStart(cols[3]!)} ${c4.padStart(cols[4]!)} ${c5.padStart(cols[5]!)} ` +
    `${(compressed ? 'compressed' : '').padStart(cols[6]!)}\n`;
  const values = (v: bigint[]) =>
    `    ${v.slice(0, 6).map((x, i) => `${String(x).padStart(cols[i]!)} `).join('')}${v[6] ? `${String(v[6]).padStart(cols[6]!)} ` : ''}`;
  return `${header('RX', 'missed', 'mcast', s.rx_compressed !== 0n)}${values(rx)}\n` +
    `${header('TX', 'carrier', 'collsns', s.tx_compressed !== 0n)}${values(tx)}`;
}

/** print_linkinfo() of one device (ip link show). */
function linkInfo(l: NetLink, stats: boolean): string {
  let out = `${l.ifindex}: ${l.name}: ${linkFlags(l.flags)}mtu ${l.mtu} qdisc ${l.qdisc} `;
  out += `state ${OPER_STATES[l.operstate] ?? `0x${l.operstate.toString(16)}`} `;
  out += `mode ${LINK_MODES[l.linkMode] ?? l.linkMode} group ${l.group === 0 ? 'default' : l.group} `;
  if (l.txqlen) out += `qlen ${l.txqlen}`;
  out += `\n    link/${LINK_TYPES[l.type] ?? `[${l.type}]`} `;
  if (l.address) out += `${lladdr(l.address)} brd ${lladdr(l.broadcast)}`;
  if (stats) out += `\n${linkStats(l)}`;
  return `${out}\n`;
}

/** print_linkinfo_brief(): name, state and address in columns, then the flags. */
function linkBrief(l: NetLink): string {
  const state = OPER_STATES[l.operstate] ?? `0x${l.operstate.toString(16)}`;
  return `${l.name.padEnd(16)} ${state.padEnd(14)} ${l.address ? `${lladdr(l.address)} ` : ''}${linkFlags(l.flags)}\n`;
}

interface Options { stats: boolean; brief: boolean }

async function linkShow(args: string[], opts: Options, io: Io, sh: Sh): Promise<number> {
  let dev: string | undefined, up = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'up') up = true;
    else if (a === 'dev') {
      if (++i >= args.length) return incomplete(io);
      dev = args[i];
    } else if (dev === undefined) dev = a;
    else { io.stderr(`Error: either "dev" is duplicate, or "${a}" is a garbage.\n`); return 255; }
  }
  let links = await sh.kernel.netLinks();
  if (dev !== undefined) {
    links = links.filter((l) => l.name === dev);
    if (!links.length) { io.stderr(`Device "${dev}" does not exist.\n`); return 1; }
  }
  for (const l of links) if (!up || l.flags & IFF_UP) io.stdout(opts.brief ? linkBrief(l) : linkInfo(l, opts.stats));
  return 0;
}

function incomplete(io: Io): number {
  io.stderr('Command line is not complete. Try option "help"\n');
  return 255;
}

/** invarg(): iproute2's messages for mtu and txqueuelen end in their own newline, so a blank line follows. */
function invarg(io: Io, what: string, arg: string): number {
  io.stderr(`Error: argument "${arg}" is wrong: ${what}\n`);
  return 255;
}

/** get_integer(): strtol with base 0 (decimal, 0x hex, 0 octal), the whole word, within an int. */
function parseInteger(s: string): number | undefined {
  const m = /^([+-]?)(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)$/i.exec(s);
  if (!m) return undefined;
  const body = m[2]!;
  const v = (m[1] === '-' ? -1 : 1) * (/^0x/i.test(body) ? parseInt(body, 16) : body.startsWith('0') ? parseInt(body, 8) || 0 : Number(body));
  return v < -0x80000000 || v > 0x7fffffff ? undefined : v;
}

async function linkSet(args: string[], io: Io, sh: Sh): Promise<number> {
  let dev: string | undefined, up: boolean | undefined, mtu: number | undefined, txqlen: number | undefined;
  let address: Uint8Array | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = (): string | undefined => (++i < args.length ? args[i] : undefined);
    if (a === 'up') up = true;
    else if (a === 'down') up = false;
    else if (a === 'mtu') {
      const v = next();
      if (v === undefined) return incomplete(io);
      const n = parseInteger(v);
      if (n === undefined) return invarg(io, 'Invalid "mtu" value\n', v);
      mtu = n;
    } else if (a === 'txqueuelen' || a === 'qlen' || matches(a, 'txqlen')) {
      const v = next();
      if (v === undefined) return incomplete(io);
      const n = parseInteger(v);
      if (n === undefined) return invarg(io, 'Invalid "txqueuelen" value\n', v);
      txqlen = n;
    } else if (a === 'address') {
      const v = next();
      if (v === undefined) return incomplete(io);
      const parts = v.split(':');
      if (!parts.every((p) => /^[0-9a-f]{1,2}$/i.test(p))) { io.stderr(`"${v}" is invalid lladdr.\n`); return 1; }
      address = Uint8Array.from(parts.map((p) => parseInt(p, 16)));
    } else if (a === 'dev') {
      const v = next();
      if (v === undefined) return incomplete(io);
      if (dev !== undefined) { io.stderr(`Error: either "dev" is duplicate, or "${v}" is a garbage.\n`); return 255; }
      dev = v;
    } else if (dev === undefined) dev = a;
    else { io.stderr(`Error: either "dev" is duplicate, or "${a}" is a garbage.\n`); return 255; }
  }
  if (dev === undefined) {
    io.stderr('Not enough information: "dev" argument is required.\n');
    return 255;
  }
  if (!(await sh.kernel.netLinks()).some((l) => l.name === dev)) {
    io.stderr(`Cannot find device "${dev}"\n`);
    return 1;
  }
  const r = await sh.kernel.netLinkSet(dev, { address, mtu, txqlen, up });
  if (r.error) {
    if (r.message) io.stderr(`Error: ${r.message}${r.message.endsWith('.') ? '' : '.'}\n`);
    else io.stderr(`RTNETLINK answers: ${strerror(-r.error)}\n`);
    return 2;
  }
  return 0;
}

export const ipCommand: Command = async (argv, io, sh) => {
  const opts: Options = { stats: false, brief: false };
  let i = 1;
  for (; i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-'; i++) {
    const opt = argv[i]!.replace(/^--?/, '-');
    if (opt.length > 1 && ['-stats', '-statistics'].some((o) => o.startsWith(opt))) opts.stats = true;
    else if (opt.length > 2 && '-brief'.startsWith(opt)) opts.brief = true;
    else { io.stderr(`Option "${argv[i]}" is unknown, try "ip -help".\n`); return 255; }
  }
  const object = argv[i];
  if (object === undefined) {
    io.stderr('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { link }\n       OPTIONS := { -s[tatistics] | -br[ief] }\n');
    return 255;
  }
  if (!matches(object, 'link')) {
    io.stderr(`Object "${object}" is unknown, try "ip help".\n`);
    return 255;
  }
  const cmd = argv[i + 1], rest = argv.slice(i + 2);
  if (cmd === undefined) return linkShow([], opts, io, sh);
  if (matches(cmd, 'show') || matches(cmd, 'list') || matches(cmd, 'lst')) return linkShow(rest, opts, io, sh);
  if (matches(cmd, 'set')) return linkSet(rest, io, sh);
  io.stderr(`Command "${cmd}" is unknown, try "ip link help".\n`);
  return 255;
};
