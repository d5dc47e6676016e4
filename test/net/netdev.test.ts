// The network device core as user space sees it: the loopback device, /proc/net/dev, /sys/class/net,
// ip link's texts and errors, and the unload check of a module that leaves its device registered.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { fixture } from '../helpers/paths.js';

const HEADER = 'Inter-|   Receive                                                |  Transmit\n' +
  ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';

/** An Ethernet frame of `len` bytes, EtherType `type`, to 00:00:00:00:00:00 (lo's address). */
function frame(type: number, len: number): Uint8Array {
  const f = new Uint8Array(len);
  f[12] = type >> 8;
  f[13] = type & 0xff;
  return f;
}

describe('the loopback device and the files of net devices', () => {
  it('boots with lo down, ifindex 1, as Linux before user space configures it', async () => {
    const t = await bootTestKernel();
    expect(await t.run('ip link')).toEqual({
      status: 0, stderr: '',
      stdout: '1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n' +
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n',
    });
    expect((await t.k.readFile('/proc/net/dev'))).toBe(`${HEADER}    lo:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0\n`);
    expect((await t.run('ls /sys/class/net/lo')).stdout).toBe(
      'addr_assign_type  addr_len  address  broadcast  carrier  carrier_changes  carrier_down_count  carrier_up_count  dev_id  dev_port  dormant  duplex  flags  ifalias  ifindex  iflink  link_mode  mtu  name_assign_type  netdev_group  operstate  proto_down  speed  statistics  subsystem  testing  tx_queue_len  type  uevent\n');
    const read = async (f: string) => t.k.readFile(`/sys/class/net/lo/${f}`);
    expect(await Promise.all(['ifindex', 'iflink', 'type', 'flags', 'mtu', 'operstate', 'address', 'addr_len', 'tx_queue_len', 'name_assign_type', 'dev_id', 'uevent'].map(read)))
      .toEqual(['1\n', '1\n', '772\n', '0x8\n', '65536\n', 'down\n', '00:00:00:00:00:00\n', '6\n', '1000\n', '2\n', '0x0\n', 'INTERFACE=lo\nIFINDEX=1\n']);
    expect(await read('ifalias')).toBe('');
    for (const f of ['carrier', 'dormant', 'speed', 'duplex'])
      expect((await t.run(`cat /sys/class/net/lo/${f}`)).stderr).toBe(`cat: /sys/class/net/lo/${f}: Invalid argument\n`);
    expect(await read('statistics/rx_packets')).toBe('0\n');
  });

  it('up, lo has no queue and an unknown state; what it sends it receives, unhandled protocols dropped', async () => {
    const t = await bootTestKernel();
    expect((await t.run('ip link set lo up')).status).toBe(0);
    expect((await t.k.readFile('/sys/class/net/lo/operstate'))).toBe('unknown\n');
    expect((await t.k.readFile('/sys/class/net/lo/carrier'))).toBe('1\n');
    expect((await t.k.readFile('/sys/class/net/lo/flags'))).toBe('0x9\n');
    expect(await t.sh.kernel.packetSend('lo', frame(0x0800, 84))).toBe(84);
    expect(await t.sh.kernel.packetSend('lo', frame(0x86dd, 104))).toBe(104);
    // lo counts what it received after the Ethernet header, both directions at once.
    expect((await t.run('ip -s link show lo')).stdout).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n' +
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
      '    RX:  bytes packets errors dropped  missed   mcast           \n' +
      '           160       2      0       2       0       0 \n' +
      '    TX:  bytes packets errors dropped carrier collsns           \n' +
      '           160       2      0       0       0       0 \n');
    expect((await t.k.readFile('/proc/net/dev'))).toBe(`${HEADER}    lo:     160       2    0    2    0     0          0         0      160       2    0    0    0     0       0          0\n`);
    expect((await t.run('ip link set lo down')).status).toBe(0);
    expect((await t.run('ip link show lo')).stdout).toMatch(/^1: lo: <LOOPBACK> mtu 65536 qdisc noqueue state DOWN /);
  });

  it('sizes the statistics columns to the counters, as iproute2 does', async () => {
    const t = await bootTestKernel();
    expect((await t.run('ip link set lo up')).status).toBe(0);
    for (let i = 0; i < 12; i++) expect(await t.sh.kernel.packetSend('lo', frame(0x0800, 65000))).toBe(65000);
    // 779832 bytes do not widen the 10-wide bytes column; 12 packets fit in 7.
    expect((await t.run('ip -s link show lo')).stdout.split('\n').slice(2, 6)).toEqual([
      '    RX:  bytes packets errors dropped  missed   mcast           ',
      '        779832      12      0      12       0       0 ',
      '    TX:  bytes packets errors dropped carrier collsns           ',
      '        779832      12      0       0       0       0 ',
    ]);
  });
});

describe('ip link: arguments and errors', () => {
  it("prints iproute2's messages with its exit statuses", async () => {
    const t = await bootTestKernel();
    expect(await t.run('ip link set nosuch up')).toEqual({ status: 1, stdout: '', stderr: 'Cannot find device "nosuch"\n' });
    expect(await t.run('ip link show nosuch')).toEqual({ status: 1, stdout: '', stderr: 'Device "nosuch" does not exist.\n' });
    expect(await t.run('ip link set up')).toEqual({ status: 255, stdout: '', stderr: 'Not enough information: "dev" argument is required.\n' });
    expect(await t.run('ip link set lo mtu')).toEqual({ status: 255, stdout: '', stderr: 'Command line is not complete. Try option "help"\n' });
    expect(await t.run('ip link frob')).toEqual({ status: 255, stdout: '', stderr: 'Command "frob" is unknown, try "ip link help".\n' });
    expect(await t.run('ip route')).toEqual({ status: 255, stdout: '', stderr: 'Object "route" is unknown, try "ip help".\n' });
    expect(await t.run('ip -x link')).toEqual({ status: 255, stdout: '', stderr: 'Option "-x" is unknown, try "ip -help".\n' });
    expect(await t.run('ip link set lo address zz')).toEqual({ status: 1, stdout: '', stderr: '"zz" is invalid lladdr.\n' });
    // Several changes in one command, applied in do_setlink()'s order (mtu before up).
    expect(await t.run('ip link set dev lo up mtu 1500 txqueuelen 10')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect((await t.run('ip link show lo')).stdout.split('\n')[0])
      .toBe('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 1500 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 10');
    expect(await t.run('ip link set lo txqueuelen -1')).toEqual({ status: 2, stdout: '', stderr: 'RTNETLINK answers: Invalid argument\n' });
    // sysfs's flags file: the same dev_change_flags().
    expect((await t.run('echo 0x8 > /sys/class/net/lo/flags')).status).toBe(0);
    expect((await t.k.readFile('/sys/class/net/lo/operstate'))).toBe('down\n');
    expect((await t.run('echo 0x9 > /sys/class/net/lo/flags')).status).toBe(0);
    expect((await t.k.readFile('/sys/class/net/lo/operstate'))).toBe('unknown\n');
    expect((await t.run('echo up > /sys/class/net/lo/flags')).stderr).toBe('lkm: echo: write error: Invalid argument\n');
    // -brief: iproute2's columns.
    expect((await t.run('ip -br link')).stdout).toBe('lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n');
    // Abbreviations, as iproute2 matches them.
    expect((await t.run('ip l sh lo')).stdout).toMatch(/^1: lo: /);
    expect((await t.run('ip -stat l')).stdout).toMatch(/RX: {2}bytes/);
    expect((await t.run('ip link show up')).stdout).toMatch(/^1: lo: <LOOPBACK,UP,LOWER_UP> /);
    expect((await t.run('ip link set lo down')).status).toBe(0);
    expect((await t.run('ip link show up')).stdout).toBe('');
  });
});

describe('a device under a parent (SET_NETDEV_DEV)', () => {
  it("prints with the parent's driver and name, and links the parent", async () => {
    const t = await bootTestKernel();
    const mark = t.mark();
    expect((await t.run(`insmod ${fixture('netdev-parent')}`)).status).toBe(0);
    // Before registration the name is still the eth%d template.
    expect(mark().filter((l) => l.startsWith('platform npdev'))).toEqual([
      'platform npdev (unnamed net_device) (uninitialized): not registered yet',
      'platform npdev eth0: registered',
    ]);
    expect((await t.run('readlink /sys/class/net/eth0/device /sys/class/net/eth0/subsystem')).stdout)
      .toBe('../../../devices/platform/npdev\n../../net\n');
    expect((await t.run('ls /sys/class/net/eth0/device')).stdout).toMatch(/\buevent\b/);
    const gone = t.mark();
    expect((await t.run('rmmod netdev_parent')).status).toBe(0);
    expect(gone()).toContain('platform npdev eth0 (unregistered): gone');
    expect((await t.run('ls /sys/class/net')).stdout).toBe('lo\n');
    expect((await t.run('ls /sys/devices/platform')).stdout).not.toMatch(/npdev/);
    expect(await t.k.leaks()).toEqual([]);
  });
});

describe('sk_buff misuse', () => {
  it("skb_put() past the end prints skb_over_panic's line and BUG()s: the loading process dies", async () => {
    const t = await bootTestKernel();
    const mark = t.mark();
    expect(await t.run(`insmod ${fixture('skb-overflow')}`)).toEqual({ status: 139, stdout: '', stderr: 'Segmentation fault\n' });
    const lines = mark();
    expect(lines).toContainEqual(expect.stringMatching(/^skb_over_panic: text:[0-9a-f]{8} len:100 put:100 head:[0-9a-f]{8} data:[0-9a-f]{8} tail:0x74 end:0x40 dev:<NULL>$/));
    expect(lines).toContainEqual(expect.stringMatching(/^kernel BUG at net\/core\/skbuff\.c:\d+!$/));
    // The kernel goes on.
    expect((await t.run('ip link show lo')).status).toBe(0);
  });
});

describe('the unload check', () => {
  it('removes the device and packet handler a module left registered, and reports the leak', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${fixture('netdev-leftover')}`)).status).toBe(0);
    expect((await t.run('ip link set left0 up')).status).toBe(0);
    const mark = t.mark();
    expect((await t.run('rmmod netdev_leftover')).status).toBe(0);
    const lines = mark();
    expect(lines).toContain("netdev_leftover: packet type 0x88b5 not removed at unload: removing it");
    expect(lines).toContain("netdev_leftover: net device 'left0' not unregistered at unload: removing it");
    expect(lines.some((l) => /^netdev_leftover: \d+ allocations? \(\d+ bytes\) not freed at unload: leaked$/.test(l))).toBe(true);
    expect((await t.run('ls /sys/class/net')).stdout).toBe('lo\n');
    expect((await t.k.readFile('/proc/net/dev')).split('\n').filter(Boolean)).toHaveLength(3);
    // The kernel goes on: lo still sends and receives.
    expect((await t.run('ip link set lo up')).status).toBe(0);
    expect(await t.sh.kernel.packetSend('lo', frame(0x88b5, 60))).toBe(60);
    expect((await t.k.readFile('/sys/class/net/lo/statistics/rx_packets'))).toBe('1\n');
  });
});
