// modules-src/netloop (nloop): an Ethernet driver whose transmitted frames come back through netif_rx().
// Loaded it is down; ip link set up calls ndo_open; frames sent through an AF_PACKET-style send are
// counted as transmitted and received in ip -s link, /proc/net/dev and statistics/; rmmod leaves nothing.
import { describe, expect, it } from 'vitest';
import { bootTestKernel, TEST_ISOLATE, type TestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';

const nloop = example('nloop');

/** An Ethernet frame of `len` bytes to the broadcast address, EtherType `type`. */
function frame(type: number, len: number): Uint8Array {
  const f = new Uint8Array(len);
  f.fill(0xff, 0, 6);
  f.set([0x02, 0, 0, 0, 0, 0x09], 6);
  f[12] = type >> 8;
  f[13] = type & 0xff;
  return f;
}

async function loaded(): Promise<TestKernel> {
  const t = await bootTestKernel();
  expect((await t.run(`insmod ${nloop}`)).status).toBe(0);
  // The address is random: a fixed one makes the texts comparable (the device is down: allowed).
  expect(await t.run('ip link set nloop0 address 02:00:00:00:00:01')).toEqual({ status: 0, stdout: '', stderr: '' });
  return t;
}

const DOWN = '2: nloop0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n' +
  '    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff\n';

describe('netloop (alloc_etherdev, register_netdev, ndo_open/stop/start_xmit, netif_rx)', () => {
  it('registers down with a random address, and ip link set up calls ndo_open', async () => {
    const t = await bootTestKernel();
    const mark = t.mark();
    expect((await t.run(`insmod ${nloop}`)).status).toBe(0);
    expect(mark().filter((l) => l.startsWith('nloop0'))).toEqual([expect.stringMatching(/^nloop0: loopback Ethernet device, address ([0-9a-f]{2}:){5}[0-9a-f]{2}$/)]);
    // eth_hw_addr_random(): a locally administered unicast address, addr_assign_type NET_ADDR_RANDOM.
    const addr = (await t.k.readFile('/sys/class/net/nloop0/address')).trim();
    expect(parseInt(addr.slice(0, 2), 16) & 3).toBe(2);
    expect((await t.k.readFile('/sys/class/net/nloop0/addr_assign_type'))).toBe('1\n');
    expect((await t.run('ip link set nloop0 address 02:00:00:00:00:01')).status).toBe(0);
    expect((await t.k.readFile('/sys/class/net/nloop0/addr_assign_type'))).toBe('3\n');
    expect((await t.run('ip link')).stdout).toBe(
      '1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n' +
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' + DOWN);
    expect((await t.k.readFile('/sys/class/net/nloop0/operstate'))).toBe('down\n');
    expect((await t.run('cat /sys/class/net/nloop0/carrier')).stderr).toBe('cat: /sys/class/net/nloop0/carrier: Invalid argument\n');
    expect((await t.run('cat /sys/class/net/nloop0/speed')).stderr).toBe('cat: /sys/class/net/nloop0/speed: Invalid argument\n');

    const up = t.mark();
    expect(await t.run('ip link set nloop0 up')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(up()).toEqual(['nloop0: link up']);
    expect((await t.run('ip link show dev nloop0')).stdout).toBe(
      '2: nloop0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP mode DEFAULT group default qlen 1000\n' +
      '    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff\n');
    expect((await t.k.readFile('/sys/class/net/nloop0/operstate'))).toBe('up\n');
    expect((await t.k.readFile('/sys/class/net/nloop0/carrier'))).toBe('1\n');
    expect((await t.k.readFile('/sys/class/net/nloop0/flags'))).toBe('0x1003\n');
    expect((await t.k.readFile('/sys/class/net/nloop0/carrier_changes'))).toBe('1\n');
    // ethtool's get_link_ksettings answers speed and duplex while the device runs.
    expect((await t.k.readFile('/sys/class/net/nloop0/speed'))).toBe('10000\n');
    expect((await t.k.readFile('/sys/class/net/nloop0/duplex'))).toBe('full\n');
    // Up again is nothing; down calls ndo_stop, and the qdisc stays attached.
    expect((await t.run('ip link set nloop0 up')).status).toBe(0);
    const down = t.mark();
    expect((await t.run('ip link set nloop0 down')).status).toBe(0);
    expect(down()).toEqual(['nloop0: link down']);
    expect((await t.run('ip link show nloop0')).stdout).toBe(DOWN.replace('qdisc noop', 'qdisc pfifo_fast'));
    expect((await t.run('rmmod nloop')).status).toBe(0);
  });

  it('counts looped frames as sent and received everywhere Linux shows them', async () => {
    const t = await loaded();
    const api = t.sh.kernel;
    // Down: the send fails as a packet socket's does.
    expect(await api.packetSend('nloop0', frame(0x88b5, 60))).toBe(-100); // ENETDOWN
    expect((await t.run('ip link set nloop0 up')).status).toBe(0);
    expect(await api.packetSend('nloop0', frame(0x88b5, 60))).toBe(60);
    expect(await api.packetSend('nloop0', frame(0x88b5, 1514))).toBe(1514);
    // An IPv4 frame: no handler for it here, so the stack drops it after the driver received it.
    expect(await api.packetSend('nloop0', frame(0x0800, 98))).toBe(98);
    expect(await api.packetSend('nloop0', frame(0x0800, 1515))).toBe(-90); // EMSGSIZE
    expect(await api.packetSend('nloop0', new Uint8Array(13))).toBe(-22); // EINVAL: shorter than a header
    expect(await api.packetSend('nope0', frame(0x0800, 60))).toBe(-19); // ENODEV
    // The handler for 0x88b5 got both of its frames.
    expect((await t.k.readFile('/sys/module/nloop/parameters/received'))).toBe('2\n');
    expect((await t.run('ip -s link show nloop0')).stdout).toBe(
      '2: nloop0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP mode DEFAULT group default qlen 1000\n' +
      '    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff\n' +
      '    RX:  bytes packets errors dropped  missed   mcast           \n' +
      '          1672       3      0       1       0       0 \n' +
      '    TX:  bytes packets errors dropped carrier collsns           \n' +
      '          1672       3      0       0       0       0 \n');
    expect((await t.k.readFile('/proc/net/dev')).split('\n')[3]).toBe(
      'nloop0:    1672       3    0    1    0     0          0         0     1672       3    0    0    0     0       0          0');
    const stat = async (n: string) => t.k.readFile(`/sys/class/net/nloop0/statistics/${n}`);
    expect(await Promise.all(['tx_packets', 'rx_packets', 'tx_bytes', 'rx_bytes', 'rx_dropped'].map(stat)))
      .toEqual(['3\n', '3\n', '1672\n', '1672\n', '1\n']);
    expect((await t.run('rmmod nloop')).status).toBe(0);
  });

  it('sends from the module through dev_hard_header and dev_queue_xmit (debugfs xmit)', async () => {
    const t = await loaded();
    expect((await t.run('echo 5 > /sys/kernel/debug/nloop/xmit')).stderr).toBe('lkm: echo: write error: Network is down\n');
    expect((await t.run('ip link set nloop0 up')).status).toBe(0);
    expect(await t.run('echo 5 > /sys/kernel/debug/nloop/xmit')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect((await t.run('echo 1001 > /sys/kernel/debug/nloop/xmit')).stderr).toBe('lkm: echo: write error: Invalid argument\n');
    expect((await t.k.readFile('/sys/module/nloop/parameters/received'))).toBe('5\n');
    expect((await t.run('ip -s link show nloop0')).stdout.split('\n').slice(3, 6)).toEqual([
      '           300       5      0       0       0       0 ',
      '    TX:  bytes packets errors dropped carrier collsns           ',
      '           300       5      0       0       0       0 ',
    ]);
    expect((await t.run('rmmod nloop')).status).toBe(0);
    expect((await t.run('ls /sys/kernel/debug')).stdout).not.toMatch(/nloop/);
  });

  it('changes the MTU through ndo_change_mtu within the device limits', async () => {
    const t = await loaded();
    const mark = t.mark();
    expect(await t.run('ip link set nloop0 mtu 9000')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(mark()).toEqual(['nloop0: mtu 1500 -> 9000']);
    expect((await t.k.readFile('/sys/class/net/nloop0/mtu'))).toBe('9000\n');
    expect(await t.run('ip link set nloop0 mtu 9001')).toEqual({ status: 2, stdout: '', stderr: 'Error: mtu greater than device maximum.\n' });
    expect(await t.run('ip link set nloop0 mtu 67')).toEqual({ status: 2, stdout: '', stderr: 'Error: mtu less than device minimum.\n' });
    expect(await t.run('ip link set nloop0 mtu big')).toEqual({ status: 255, stdout: '', stderr: 'Error: argument "big" is wrong: Invalid "mtu" value\n\n' });
    // sysfs writes go through the same checks.
    expect((await t.run('echo 1400 > /sys/class/net/nloop0/mtu')).status).toBe(0);
    expect((await t.run('ip link show nloop0')).stdout).toMatch(/ mtu 1400 /);
    expect((await t.run('echo 9001 > /sys/class/net/nloop0/mtu')).stderr).toBe('lkm: echo: write error: Invalid argument\n');
    // An address change while up needs IFF_LIVE_ADDR_CHANGE; a multicast address is never valid.
    expect((await t.run('ip link set nloop0 up')).status).toBe(0);
    expect(await t.run('ip link set nloop0 address 02:00:00:00:00:02')).toEqual({ status: 2, stdout: '', stderr: 'RTNETLINK answers: Device or resource busy\n' });
    expect((await t.run('ip link set nloop0 down')).status).toBe(0);
    expect(await t.run('ip link set nloop0 address 03:00:00:00:00:02')).toEqual({ status: 2, stdout: '', stderr: 'RTNETLINK answers: Cannot assign requested address\n' });
    expect((await t.run('rmmod nloop')).status).toBe(0);
  });

  it('leaves no device, file or allocation behind at rmmod, and numbers a new device after the old', async () => {
    const t = await bootTestKernel();
    // Warm-up: first uses allocate lasting structures.
    expect((await t.run(`insmod ${nloop}`)).status).toBe(0);
    expect((await t.run('rmmod nloop')).status).toBe(0);
    // The memory in use (in-thread only: a worker kernel's caller cannot read it).
    const usage = () => (TEST_ISOLATE === 'none' ? t.k.usage() : undefined);
    const before = usage();
    expect((await t.run(`insmod ${nloop}`)).status).toBe(0);
    expect((await t.run('ip link set nloop0 up')).status).toBe(0);
    for (let i = 0; i < 20; i++) expect(await t.sh.kernel.packetSend('nloop0', frame(0x88b5, 64 + i))).toBe(64 + i);
    // ifindex is never reused: lo 1, the first nloop0 2, this one 3.
    expect((await t.k.readFile('/sys/class/net/nloop0/ifindex'))).toBe('3\n');
    expect((await t.run('rmmod nloop')).status).toBe(0);
    expect((await t.run('ls /sys/class/net')).stdout).toBe('lo\n');
    expect((await t.k.readFile('/proc/net/dev')).split('\n').filter(Boolean)).toHaveLength(3);
    expect((await t.run('ip link show nloop0')).stderr).toBe('Device "nloop0" does not exist.\n');
    expect(await t.k.leaks()).toEqual([]);
    expect(usage()).toEqual(before);
  });
});
