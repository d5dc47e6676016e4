// Timers, timed waits and delays on the kernel clock, with a fake clock: timer_setup/mod_timer fire when
// jiffies reach their expiry (k.runTimers() after moving the clock on), a timed wait ends at its timeout,
// msleep() moves the clock on and runs the timers that fall due meanwhile, and a timer left pending at
// unload is removed with a warning.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFiles, closeBuildPool } from '../../src/kbuild/build.node.js';
import { Kernel } from '../../src/kernel/kernel.js';
import { O_RDWR } from '../../src/kernel/file.js';
import { BUILD } from '../helpers/paths.js';

const TICKER = `// A misc device: write arms a timer (HZ/2), read waits for it (at most 1 s), ioctl 1 msleep()s.
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
static DECLARE_WAIT_QUEUE_HEAD(wq);
static struct timer_list tick;
static int fired;
static void tick_fn(struct timer_list *t)
{
	fired++;
	pr_info("ticker: fired at +%lu jiffies\\n", jiffies - t->expires);
	wake_up_interruptible(&wq);
}
static ssize_t ticker_read(struct file *f, char __user *buf, size_t count, loff_t *ppos)
{
	long left = wait_event_interruptible_timeout(wq, fired > 0, HZ);
	const char *msg = left > 0 ? "fired\\n" : "timeout\\n";
	if (left < 0)
		return left;
	if (left > 0)
		fired--;
	if (copy_to_user(buf, msg, strlen(msg)))
		return -EFAULT;
	return strlen(msg);
}
static ssize_t ticker_write(struct file *f, const char __user *buf, size_t count, loff_t *ppos)
{
	return mod_timer(&tick, jiffies + HZ / 2) ? -EBUSY : count;
}
static long ticker_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	unsigned long before = jiffies;
	msleep(arg);
	return jiffies - before;
}
static const struct file_operations fops = { .owner = THIS_MODULE, .read = ticker_read, .write = ticker_write, .unlocked_ioctl = ticker_ioctl };
static struct miscdevice dev = { .minor = MISC_DYNAMIC_MINOR, .name = "ticker", .fops = &fops, .mode = 0666 };
static int __init ticker_init(void)
{
	timer_setup(&tick, tick_fn, 0);
	return misc_register(&dev);
}
static void __exit ticker_exit(void)
{
	misc_deregister(&dev);
}
module_init(ticker_init);
module_exit(ticker_exit);
MODULE_LICENSE("GPL");
`;

let dir: string;
let ticker: Uint8Array;
const dec = new TextDecoder();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lkm-timers-'));
  writeFileSync(join(dir, 'ticker.c'), TICKER);
  const r = await buildFiles([join(dir, 'ticker.c')], { outDir: dir, log: () => {} });
  if (!r.ok) throw new Error(`${r.errors.join('\n')}\n${r.diagnostics}`);
  ticker = new Uint8Array(readFileSync(join(dir, 'ticker.ko')));
}, 300_000);
afterAll(async () => {
  await closeBuildPool();
  rmSync(dir, { recursive: true, force: true });
});

async function boot() {
  let now = 1000;
  const k = await Kernel.boot({ vmlinux: new Uint8Array(readFileSync(join(BUILD, 'vmlinux.ko'))), clockMs: () => now });
  await k.insmod(ticker);
  return { k, advance: (ms: number) => { now += ms; return k.runTimers(); } };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('timers and timed waits on the kernel clock', () => {
  it('a timer fires when jiffies reach its expiry and wakes the sleeping read', async () => {
    const { k, advance } = await boot();
    const f = k.open('/dev/ticker', O_RDWR);
    const read = f.readAsync(20);
    await settle();
    expect(k.waits.sleeping).toBe(1);
    expect(f.write('x')).toBe(1);
    expect(advance(490)).toBe(0);
    expect(k.waits.sleeping).toBe(1);
    expect(advance(10)).toBe(1);
    expect(dec.decode(await read)).toBe('fired\n');
    expect(k.dmesg({ time: false })).toContain('ticker: fired at +0 jiffies');
    f.close();
  });

  it('a timed wait ends at its timeout: the restarted read sees 0 jiffies left', async () => {
    const { k, advance } = await boot();
    const f = k.open('/dev/ticker', O_RDWR);
    const read = f.readAsync(20);
    await settle();
    advance(999);
    await settle();
    expect(k.waits.sleeping).toBe(1);
    advance(1);
    expect(dec.decode(await read)).toBe('timeout\n');
    expect(k.waits.queued).toBe(0);
    f.close();
  });

  it('msleep moves jiffies on by the sleep and runs the timers due meanwhile', async () => {
    const { k } = await boot();
    const f = k.open('/dev/ticker', O_RDWR);
    const before = k.nowMs();
    // msecs_to_jiffies(100) + 1, as Linux's msleep.
    expect(f.ioctl(1, 100)).toBe(11);
    expect(k.nowMs() - before).toBe(110);
    f.write('x');
    expect(f.ioctl(1, 600)).toBe(61);
    // The timer ran during the sleep: the read finds it fired without waiting.
    expect(dec.decode(f.read(20))).toBe('fired\n');
    f.close();
  });

  it('a timer pending at unload is removed with a warning, and never fires', async () => {
    const { k, advance } = await boot();
    const f = k.open('/dev/ticker', O_RDWR);
    f.write('x');
    f.close();
    k.rmmod('ticker');
    expect(k.dmesg({ time: false })).toContain('ticker: timer tick_fn still pending at unload: removed');
    expect(advance(1000)).toBe(0);
  });
});
