// Core headers modules include as on Linux: fcntl.h, cred.h, capability.h, sched/signal.h, preempt.h
// (the counter spinlocks raise), asm/io.h over kernel memory, asm/uaccess.h, asm/atomic.h, and what
// module.h + slab.h make visible.
import { beforeAll, describe, expect, it } from 'vitest';
import { bootVmlinux, loadTestModule, type TestModule, type Vmlinux } from '../helpers/vmlinux-harness.ts';

const SRC = `
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/fcntl.h>
#include <linux/cred.h>
#include <linux/capability.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/io.h>
#include <asm/uaccess.h>
#include <asm/atomic.h>
#include <linux/cdev.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>

static char out[200];

const char *t_ids(void)
{
	kuid_t uid = current_uid();

	snprintf(out, sizeof(out), "%u %u %u %d %d %d", from_kuid(&init_user_ns, uid), from_kgid(current_user_ns(), current_gid()),
		 __kuid_val(current_euid()), capable(CAP_SYS_ADMIN), capable(CAP_NET_ADMIN), uid_eq(uid, GLOBAL_ROOT_UID));
	return out;
}

static DEFINE_SPINLOCK(lock);
static DEFINE_RWLOCK(rw);

const char *t_preempt(void)
{
	int a = preempt_count(), b, c, d, e, f;

	spin_lock(&lock);
	b = in_atomic();
	read_lock(&rw);
	c = preempt_count();
	read_unlock(&rw);
	spin_unlock(&lock);
	d = preempt_count();
	e = spin_trylock(&lock) && preempt_count() == 1;
	spin_lock_init(&lock);		/* a held lock, reset: trylock fails and leaves the count alone */
	spin_lock(&lock);
	f = !spin_trylock(&lock) && preempt_count() == 2;
	spin_unlock(&lock);
	preempt_count_sub(1);		/* the first trylock's lock was never unlocked */
	snprintf(out, sizeof(out), "%d %d %d %d %d %d %d %d", a, b, c, d, e, f, preempt_count(), in_interrupt() ? 1 : 0);
	return out;
}

const char *t_io(void)
{
	u8 *reg = kzalloc(16, GFP_KERNEL);
	void __iomem *base = ioremap(virt_to_phys(reg), 16);
	u8 copy[4];

	iowrite32(0x11223344, base);
	writew(0xbeef, base + 4);
	iowrite32be(0xa1b2c3d4, base + 8);
	memcpy_fromio(copy, base, 4);
	snprintf(out, sizeof(out), "%*ph %x %x %x %*ph", 4, reg, ioread16(base + 4), readl(base + 8), ioread8(base + 3), 4, copy);
	iounmap(base);
	kfree(reg);
	return out;
}

/* The ordering variants of the atomic families compute what the plain forms do. */
const char *t_atomics(void)
{
	atomic_t a = ATOMIC_INIT(5);
	atomic64_t b = ATOMIC64_INIT(1LL << 40);
	atomic_long_t c = ATOMIC_LONG_INIT(7);
	int old = 5, r[7];
	long long r64[2];
	long rl[2];

	/* One statement each: the order of evaluation is the test's. */
	r[0] = atomic_fetch_add_relaxed(2, &a);
	r[1] = atomic_add_return_acquire(3, &a);
	r[2] = atomic_xchg_release(&a, 1);
	r[3] = atomic_cmpxchg_acquire(&a, 1, 9);
	r[4] = atomic_try_cmpxchg_relaxed(&a, &old, 4) ? 1 : old;
	r64[0] = atomic64_fetch_or_release(1, &b);
	r64[1] = atomic64_dec_return_relaxed(&b);
	rl[0] = atomic_long_inc_return_acquire(&c);
	rl[1] = atomic_long_fetch_andnot_release(2, &c);
	r[5] = atomic_fetch_dec_release(&a);
	r[6] = atomic_read(&a);
	snprintf(out, sizeof(out), "%d %d %d %d %d %lld %lld %ld %ld %d %d", r[0], r[1], r[2], r[3], r[4],
		 r64[0], r64[1], rl[0], rl[1], r[5], r[6]);
	return out;
}

/* cdev.kobj: the cdev holds its parent from cdev_add() until its release, which cdev_del() runs. */
static void parent_release(struct kobject *k) { (void)k; }
static const struct kobj_type parent_ktype = { .release = parent_release };
static const struct file_operations no_fops;

const char *t_cdev(void)
{
	static struct kobject parent;
	struct cdev *c = cdev_alloc();
	unsigned int r[4];

	kobject_init(&parent, &parent_ktype);
	r[0] = kref_read(&c->kobj.kref);
	c->ops = &no_fops;
	cdev_set_parent(c, &parent);
	r[1] = cdev_add(c, MKDEV(240, 0), 1);
	r[2] = kref_read(&parent.kref);
	cdev_del(c);
	r[3] = kref_read(&parent.kref);
	kobject_put(&parent);
	snprintf(out, sizeof(out), "%u %u %u %u", r[0], r[1], r[2], r[3]);
	return out;
}

/* get_random_bytes() from module.h + slab.h alone, as on Linux. */
int t_random(void) { u32 v = 0; get_random_bytes(&v, sizeof(v)); return 1; }
int t_flags(void) { return O_NONBLOCK == 04000 && O_SYNC == 04010000 && FASYNC == 020000 && AT_FDCWD == -100 && O_TMPFILE == 020200000; }
MODULE_LICENSE("GPL");
`;

let k: Vmlinux;
let m: TestModule;

beforeAll(async () => {
  k = await bootVmlinux();
  m = await loadTestModule(k, 'corehdr', SRC, ['t_ids', 't_preempt', 't_io', 't_random', 't_flags', 't_atomics', 't_cdev']);
}, 300_000);

describe('core headers', () => {
  it('every task is root in the initial namespace: ids 0, capable() true', () => {
    expect(k.cstr(m.call('t_ids'))).toBe('0 0 0 1 1 1');
  });

  it('a held spinlock or rwlock raises preempt_count (in_atomic), trylock only when it takes the lock', () => {
    expect(k.cstr(m.call('t_preempt'))).toBe('0 1 2 0 1 1 0 0');
  });

  it('ioremap of kernel memory, ioread/iowrite in each width and byte order, memcpy_fromio', () => {
    expect(k.cstr(m.call('t_io'))).toBe('44 33 22 11 beef d4c3b2a1 11 44 33 22 11');
  });

  it('atomic_*_relaxed/_acquire/_release for atomic_t, atomic64_t and atomic_long_t', () => {
    expect(k.cstr(m.call('t_atomics'))).toBe('5 10 10 1 9 1099511627776 1099511627776 8 8 9 8');
  });

  it('cdev.kobj: a reference per cdev, the parent held from cdev_add() to the release cdev_del() runs', () => {
    expect(k.cstr(m.call('t_cdev'))).toBe('1 0 2 1');
  });

  it("fcntl.h has Linux's values; get_random_bytes is visible from module.h", () => {
    expect(m.call('t_flags')).toBe(1);
    expect(m.call('t_random')).toBe(1);
  });
});
