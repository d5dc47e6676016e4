// linux/mm.h's VMA helpers, unaligned.h, sizes.h, pfn.h, circ_buf.h, numa.h, util_macros.h, nospec.h, linux/fcntl.h's commands, linux/time.h and time64.h as Linux 6.12 declares them (normalization, overflow-safe addition, 32-bit
// comparisons, validity, user copies; timespec64_add_safe() is vmlinux's own, unexported as on Linux), and linux/utsname.h's init_utsname()/utsname() from release.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { bootVmlinux, loadTestModule, type TestModule, type Vmlinux } from '../helpers/vmlinux-harness.ts';
import { UTS_MACHINE, UTS_NODENAME, UTS_RELEASE, UTS_VERSION } from '../../src/kernel/release.js';

const SRC = `
#include <linux/module.h>
#include <linux/time.h>
#include <linux/utsname.h>
#include <linux/slab.h>

static char out[512];
#include <linux/mm.h>
#include <linux/fcntl.h>
#include <linux/unaligned.h>
#include <linux/sizes.h>
#include <linux/circ_buf.h>
#include <linux/numa.h>
#include <linux/nospec.h>
#include <linux/util_macros.h>

/* find_closest() in both orders (ties to the lower element), array_index_nospec(), is_insidevar(). */
const char *t_pick(void)
{
	static const int asc[] = { 10, 50, 100 };
	static const unsigned int desc[] = { 100, 50, 10 };
	int buf[4];

	scnprintf(out, sizeof(out), "%d %d %d %d %d | %d %d %d | %lu %lu %d %d",
		  (int)find_closest(60, asc, ARRAY_SIZE(asc)), (int)find_closest(80, asc, ARRAY_SIZE(asc)),
		  (int)find_closest(30, asc, ARRAY_SIZE(asc)), (int)find_closest(-5, asc, ARRAY_SIZE(asc)),
		  (int)find_closest(1000, asc, ARRAY_SIZE(asc)),
		  (int)find_closest_descending(60u, desc, ARRAY_SIZE(desc)), (int)find_closest_descending(5u, desc, ARRAY_SIZE(desc)),
		  (int)find_closest_descending(99u, desc, ARRAY_SIZE(desc)),
		  array_index_nospec(3UL, 4UL), array_index_nospec(5UL, 4UL), is_insidevar(&buf[3], buf), is_insidevar(&buf[4], buf));
	return out;
}

/* Fields of a byte stream at odd offsets, in both byte orders; sizes, PFNs, ring indices. */
const char *t_small(void)
{
	u8 b[16] = { 0 };
	u64 v64 = 0x1122334455667788ULL;
	const u64 *odd = (const u64 *)(b + 1);

	put_unaligned_be32(0xa1b2c3d4, b + 1);
	put_unaligned_le16(0xbeef, b + 5);
	put_unaligned_be24(0x010203, b + 7);
	put_unaligned_be48(0x0a0b0c0d0e0fULL, b + 10);
	scnprintf(out, sizeof(out), "%*ph %x %x %x %x %llx | ", 16, b, get_unaligned_le32(b + 1), get_unaligned_be16(b + 5),
		  get_unaligned_le24(b + 7), get_unaligned_be24(b + 7), get_unaligned_be48(b + 10));
	put_unaligned(v64, (u64 *)(b + 3));
	scnprintf(out + strlen(out), sizeof(out) - strlen(out), "%llx %llx %d %d %d %d %d %d %d %d %d",
		  get_unaligned((const u64 *)(b + 3)), get_unaligned(odd) >> 16, SZ_4K, SZ_1G == 1 << 30,
		  SZ_4G == 1ULL << 32, (int)PFN_UP(4097), CIRC_CNT(5, 2, 8), CIRC_SPACE(5, 2, 8),
		  CIRC_CNT_TO_END(1, 6, 8), CIRC_SPACE_TO_END(6, 1, 8), numa_valid_node(0) && !numa_valid_node(1) && NUMA_NO_NODE == -1);
	return out;
}

/* fcntl.h's commands and flags as userspace passes them to drivers (fasync, check_flags, locks). */
int t_fcntl(void)
{
	return F_SETLEASE == 1024 && F_DUPFD_CLOEXEC == 1030 && F_GET_SEALS == 1034 && F_SET_FILE_RW_HINT == 1038 &&
	       F_OFD_SETLKW == 38 && F_GETLK64 == 12 && LOCK_NB == 4 && F_UNLCK == 2 && AT_RECURSIVE == 0x8000 &&
	       (VALID_OPEN_FLAGS & (O_PATH | FASYNC | O_CLOEXEC)) == (O_PATH | FASYNC | O_CLOEXEC) &&
	       !(VALID_OPEN_FLAGS & ~037777777);
}

/* What a driver's ->mmap does with the VMA it gets: flags, pages, its own operations. */
static vm_fault_t t_fault(struct vm_fault *vmf) { return VM_FAULT_SIGBUS; }
static const struct vm_operations_struct t_vm_ops = { .fault = t_fault };

int t_vma(void)
{
	struct vm_area_struct vma = { .vm_start = 0x10000, .vm_end = 0x13000, .vm_pgoff = 2 };

	vm_flags_init(&vma, VM_READ | VM_SHARED);
	vm_flags_set(&vma, VM_IO | VM_DONTEXPAND | VM_DONTDUMP);
	vm_flags_clear(&vma, VM_SHARED);
	vm_flags_mod(&vma, VM_WRITE, VM_DONTEXPAND);
	vma.vm_ops = &t_vm_ops;
	vma.vm_page_prot = pgprot_noncached(__pgprot(3));
	return vma.vm_flags == (VM_READ | VM_WRITE | VM_IO | VM_DONTDUMP) && vma_pages(&vma) == 3 &&
	       vma.vm_ops->fault(&(struct vm_fault){ .vma = &vma }) == VM_FAULT_SIGBUS &&
	       (VM_FAULT_SIGBUS & VM_FAULT_ERROR) != 0 && pgprot_val(vma.vm_page_prot) == 3 &&
	       offset_in_page(0x12345) == 0x345;
}

static int show(int at, struct timespec64 ts)
{
	return at + scnprintf(out + at, sizeof(out) - at, "%lld.%09ld ", ts.tv_sec, ts.tv_nsec);
}

const char *t_time(void)
{
	struct timespec64 a, b = { .tv_sec = 1, .tv_nsec = 999999999 };
	struct timespec64 big = { .tv_sec = TIME64_MAX - 1, .tv_nsec = 0 };
	int at = 0;

	set_normalized_timespec64(&a, 5, -1);
	at = show(at, a);
	set_normalized_timespec64(&a, 1, 2500000000LL);
	at = show(at, a);
	at = show(at, timespec64_add(a, b));
	at = show(at, timespec64_sub(b, a));
	timespec64_add_ns(&b, 2);
	at = show(at, b);
	scnprintf(out + at, sizeof(out) - at, "%d%d%d %d%d%d", time_after32(1, 0xffffffffu), time_before32(0xffffffffu, 1),
		  time_between32(5, 0xfffffff0u, 10), timespec64_valid(&a),
		  itimerspec64_valid(&(struct itimerspec64){ .it_value = { 0, NSEC_PER_SEC } }),
		  timespec64_valid_strict(&big));
	return out;
}

/* Kernel memory is not user memory: the copies fail with -EFAULT. */
int t_copies(void)
{
	struct timespec64 ts = { 1, 2 };
	struct __kernel_timespec *k = kzalloc(sizeof(*k), GFP_KERNEL);
	int a = get_timespec64(&ts, (const struct __kernel_timespec __user *)k);
	int b = put_timespec64(&ts, (struct __kernel_timespec __user *)k);

	kfree(k);
	return a == -EFAULT && b == -EFAULT && sys_tz.tz_minuteswest == 0 && sizeof(struct __kernel_timespec) == 16;
}

const char *t_uts(void)
{
	struct new_utsname *u = utsname();

	scnprintf(out, sizeof(out), "%s|%s|%s|%s|%s|%s|%d", u->sysname, u->nodename, u->release, u->version,
		  init_utsname()->machine, init_utsname()->domainname, u == init_utsname());
	return out;
}
MODULE_LICENSE("GPL");
`;

let k: Vmlinux;
let m: TestModule;

beforeAll(async () => {
  k = await bootVmlinux();
  m = await loadTestModule(k, 'timeuts', SRC, ['t_time', 't_copies', 't_uts', 't_vma', 't_fcntl', 't_small', 't_pick']);
}, 300_000);

describe('linux/mm.h, linux/fcntl.h, linux/time.h, linux/utsname.h', () => {
  it('util_macros.h and nospec.h', () => {
    expect(k.cstr(m.call('t_pick'))).toBe('1 2 0 0 2 | 1 2 0 | 3 0 1 0');
  });

  it('unaligned.h, sizes.h, pfn.h, circ_buf.h, numa.h', () => {
    expect(k.cstr(m.call('t_small'))).toBe(
      '00 a1 b2 c3 d4 ef be 01 02 03 0a 0b 0c 0d 0e 0f d4c3b2a1 efbe 30201 10203 a0b0c0d0e0f | ' +
      '1122334455667788 334455667788 4096 1 1 2 3 4 2 2 1');
  });

  it("fcntl.h: Linux 6.12's fcntl commands, lock types and open flags", () => {
    expect(m.call('t_fcntl')).toBe(1);
  });

  it('a VMA: vm_flags_init/set/clear/mod, vma_pages, vm_operations_struct, pgprot_t', () => {
    expect(m.call('t_vma')).toBe(1);
  });

  it('normalizes, adds without overflow, compares 32-bit times, checks validity', () => {
    expect(k.cstr(m.call('t_time'))).toBe(
      '4.999999999 3.500000000 5.499999999 -2.499999999 2.000000001 111 100');
  });

  it('get/put_timespec64 fail with -EFAULT on kernel memory; sys_tz is UTC', () => {
    expect(m.call('t_copies')).toBe(1);
  });

  it("utsname() is init_utsname(): uname's values from src/kernel/release.ts", () => {
    expect(k.cstr(m.call('t_uts'))).toBe(`Linux|${UTS_NODENAME}|${UTS_RELEASE}|${UTS_VERSION}|${UTS_MACHINE}|(none)|1`);
  });
});
