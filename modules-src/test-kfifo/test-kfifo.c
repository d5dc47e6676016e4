// SPDX-License-Identifier: GPL-2.0
/*
 * test-kfifo: a self-test of <linux/kfifo.h>, after Linux's samples/kfifo (bytestream, inttype,
 * record and dma examples): embedded and allocated fifos, the power-of-two sizes, wrap-around, typed
 * put/get/peek, record fifos with 1- and 2-byte lengths, the locked forms, and the user-copy paths
 * with a bad (kernel) pointer. Each failed check prints "BUG at FUNC:LINE: CHECK"; the last line is
 * "kfifo: N of M tests passed", and init returns 0 only if all passed (-EINVAL otherwise).
 *
 * As the samples do, it then keeps two fifos behind /proc files for user space: writes go in with
 * kfifo_from_user() and reads come out with kfifo_to_user(). /proc/test_kfifo_bytes is a byte fifo
 * of 32 bytes (a write stores what fits), /proc/test_kfifo_records a record fifo of 64 bytes with
 * 1-byte lengths (each write is one record, a read returns one record).
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/kfifo.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include "../selftests/selftest_counts.h"

#define KF_CHECK(x) SELFTEST_CHECK(x)

static DEFINE_KFIFO(int_fifo, int, 32);
static DEFINE_SPINLOCK(fifo_lock);
static STRUCT_KFIFO_REC_2(64) rec2_fifo;

struct point { short x, y; };

static noinline void test_inttype(void)
{
	DECLARE_KFIFO(local, struct point, 4);
	struct point p = { 0, 0 };
	int i, v, buf[40];
	unsigned int n;
	bool ok;

	KF_CHECK(kfifo_size(&int_fifo) == 32 && kfifo_esize(&int_fifo) == sizeof(int));
	KF_CHECK(kfifo_is_empty(&int_fifo) && !kfifo_is_full(&int_fifo));
	KF_CHECK(kfifo_initialized(&int_fifo) && kfifo_recsize(&int_fifo) == 0);
	KF_CHECK(kfifo_avail(&int_fifo) == 32);

	ok = true;
	for (i = 0; i < 32; i++)
		if (kfifo_put(&int_fifo, i * 3) != 1)
			ok = false;
	KF_CHECK(ok);
	KF_CHECK(kfifo_put(&int_fifo, 99) == 0);
	KF_CHECK(kfifo_is_full(&int_fifo) && kfifo_len(&int_fifo) == 32 && kfifo_avail(&int_fifo) == 0);
	KF_CHECK(kfifo_peek(&int_fifo, &v) == 1 && v == 0);
	KF_CHECK(kfifo_get(&int_fifo, &v) == 1 && v == 0);
	KF_CHECK(kfifo_get(&int_fifo, &v) == 1 && v == 3);
	KF_CHECK(kfifo_peek_len(&int_fifo) == 30 * sizeof(int));

	/* kfifo_out: only what is there. */
	n = kfifo_out(&int_fifo, buf, 40);
	KF_CHECK(n == 30 && buf[0] == 6 && buf[29] == 93);
	KF_CHECK(kfifo_get(&int_fifo, &v) == 0 && kfifo_is_empty(&int_fifo));

	/* Wrap-around: the counters keep running, the data is split over the buffer's end. */
	for (i = 0; i < 40; i++)
		buf[i] = 1000 + i;
	KF_CHECK(kfifo_in(&int_fifo, buf, 20) == 20);
	KF_CHECK(kfifo_out(&int_fifo, buf, 20) == 20);
	for (i = 0; i < 40; i++)
		buf[i] = 2000 + i;
	KF_CHECK(kfifo_in(&int_fifo, buf, 40) == 32);	/* only 32 fit */
	memset(buf, 0, sizeof(buf));
	KF_CHECK(kfifo_out_peek(&int_fifo, buf, 5) == 5 && buf[4] == 2004 && kfifo_len(&int_fifo) == 32);
	KF_CHECK(kfifo_out(&int_fifo, buf, 32) == 32);
	ok = true;
	for (i = 0; i < 32; i++)
		if (buf[i] != 2000 + i)
			ok = false;
	KF_CHECK(ok);

	/* kfifo_skip, kfifo_reset_out, kfifo_reset. */
	KF_CHECK(kfifo_in(&int_fifo, buf, 10) == 10);
	kfifo_skip(&int_fifo);
	KF_CHECK(kfifo_len(&int_fifo) == 9 && kfifo_peek(&int_fifo, &v) && v == 2001);
	kfifo_skip_count(&int_fifo, 4);
	KF_CHECK(kfifo_get(&int_fifo, &v) && v == 2005);
	kfifo_reset_out(&int_fifo);
	KF_CHECK(kfifo_is_empty(&int_fifo));
	KF_CHECK(kfifo_in(&int_fifo, buf, 3) == 3);
	kfifo_reset(&int_fifo);
	KF_CHECK(kfifo_is_empty(&int_fifo) && int_fifo.kfifo.in == 0 && int_fifo.kfifo.out == 0);

	/* kfifo_out_linear: the piece up to the buffer's end. */
	KF_CHECK(kfifo_in(&int_fifo, buf, 30) == 30 && kfifo_out(&int_fifo, buf, 28) == 28);
	KF_CHECK(kfifo_in(&int_fifo, buf, 10) == 10);
	{
		unsigned int tail;
		int *ptr;

		KF_CHECK(kfifo_out_linear(&int_fifo, &tail, 12) == 4 && tail == 28);
		KF_CHECK(kfifo_out_linear_ptr(&int_fifo, &ptr, 2) == 2 && ptr == &int_fifo.buf[28]);
	}
	kfifo_reset(&int_fifo);

	/* A local fifo of structs: DECLARE_KFIFO + INIT_KFIFO; a non-pointer fifo cannot be allocated. */
	INIT_KFIFO(local);
	KF_CHECK(kfifo_size(&local) == 4 && kfifo_esize(&local) == sizeof(struct point));
	KF_CHECK(kfifo_put(&local, ((struct point){ 1, 2 })) == 1);
	KF_CHECK(kfifo_put(&local, ((struct point){ 3, 4 })) == 1);
	KF_CHECK(kfifo_get(&local, &p) == 1 && p.x == 1 && p.y == 2);
	KF_CHECK(kfifo_len(&local) == 1);
	KF_CHECK(kfifo_alloc(&local, 8, GFP_KERNEL) == -EINVAL);
}

static noinline void test_bytestream(void)
{
	struct kfifo fifo;
	char buf[200], *mem;
	unsigned int i, n;
	int ret;
	bool ok;

	/* kfifo_alloc rounds the size up to a power of two; below 2 is -EINVAL. */
	ret = kfifo_alloc(&fifo, 100, GFP_KERNEL);
	KF_CHECK(ret == 0 && kfifo_size(&fifo) == 128 && kfifo_esize(&fifo) == 1);
	KF_CHECK(kfifo_in(&fifo, "hello", 5) == 5);
	KF_CHECK(kfifo_len(&fifo) == 5 && kfifo_avail(&fifo) == 123);
	for (i = 0; i < 10; i++)
		kfifo_put(&fifo, '0' + i);
	KF_CHECK(kfifo_len(&fifo) == 15);
	memset(buf, 0, sizeof(buf));
	KF_CHECK(kfifo_out(&fifo, buf, 5) == 5 && !memcmp(buf, "hello", 5));
	KF_CHECK(kfifo_out_peek(&fifo, buf, 3) == 3 && !memcmp(buf, "012", 3));
	{
		unsigned char c;

		KF_CHECK(kfifo_get(&fifo, &c) && c == '0');
	}
	KF_CHECK(kfifo_out(&fifo, buf, sizeof(buf)) == 9 && !memcmp(buf, "123456789", 9));

	/* Many passes of odd-sized pieces across the wrap keep the byte sequence. */
	ok = true;
	for (i = 0; i < 50 && ok; i++) {
		unsigned int k, len = 37 + i;

		for (k = 0; k < len; k++)
			buf[k] = (char)(i * 7 + k);
		if (kfifo_in(&fifo, buf, len) != len)
			ok = false;
		memset(buf, 0, len);
		if (kfifo_out(&fifo, buf, len) != len)
			ok = false;
		for (k = 0; k < len; k++)
			if (buf[k] != (char)(i * 7 + k))
				ok = false;
	}
	KF_CHECK(ok);

	/* The locked forms. */
	KF_CHECK(kfifo_in_spinlocked(&fifo, "abc", 3, &fifo_lock) == 3);
	KF_CHECK(!kfifo_is_empty_spinlocked(&fifo, &fifo_lock));
	KF_CHECK(kfifo_out_spinlocked(&fifo, buf, 3, &fifo_lock) == 3 && !memcmp(buf, "abc", 3));
	KF_CHECK(kfifo_in_spinlocked_noirqsave(&fifo, "xy", 2, &fifo_lock) == 2);
	KF_CHECK(kfifo_out_spinlocked_noirqsave(&fifo, buf, 5, &fifo_lock) == 2);
	KF_CHECK(kfifo_is_empty_spinlocked_noirqsave(&fifo, &fifo_lock));
	KF_CHECK(!spin_is_locked(&fifo_lock));

	/* User copies with a kernel pointer fault: -EFAULT, nothing copied, the fifo unchanged. */
	KF_CHECK(kfifo_in(&fifo, "0123456789", 10) == 10);
	n = 99;
	KF_CHECK(kfifo_to_user(&fifo, (void __user *)buf, 10, &n) == -EFAULT && n == 0);
	KF_CHECK(kfifo_len(&fifo) == 10);
	n = 99;
	KF_CHECK(kfifo_from_user(&fifo, (const void __user *)buf, 10, &n) == -EFAULT && n == 0);
	KF_CHECK(kfifo_len(&fifo) == 10);

	kfifo_free(&fifo);
	KF_CHECK(fifo.kfifo.data == NULL && kfifo_size(&fifo) == 1);

	ret = kfifo_alloc(&fifo, 1, GFP_KERNEL);
	KF_CHECK(ret == -EINVAL && fifo.kfifo.data == NULL);
	ret = kfifo_alloc(&fifo, 2, GFP_KERNEL);
	KF_CHECK(ret == 0 && kfifo_size(&fifo) == 2);
	kfifo_free(&fifo);

	/* kfifo_init rounds the element count down. */
	mem = kmalloc(100, GFP_KERNEL);
	KF_CHECK(kfifo_init(&fifo, mem, 100) == 0 && kfifo_size(&fifo) == 64);
	KF_CHECK(kfifo_in(&fifo, buf, 100) == 64);
	KF_CHECK(kfifo_init(&fifo, mem, 3) == 0 && kfifo_size(&fifo) == 2);
	KF_CHECK(kfifo_init(&fifo, mem, 1) == -EINVAL);
	{
		DECLARE_KFIFO_PTR(ints, int);

		KF_CHECK(kfifo_init(&ints, mem, 40) == 0 && kfifo_size(&ints) == 8);
		KF_CHECK(kfifo_put(&ints, -5) == 1);
		KF_CHECK(((int *)mem)[0] == -5);
		KF_CHECK(kfifo_alloc(&ints, 5, GFP_KERNEL) == 0 && kfifo_size(&ints) == 8 &&
			 kfifo_esize(&ints) == sizeof(int));
		kfifo_free(&ints);
	}
	kfree(mem);
}

static noinline void test_record(void)
{
	struct kfifo_rec_ptr_1 rec;
	char buf[300];
	unsigned int i, n;
	bool ok;

	KF_CHECK(kfifo_alloc(&rec, 128, GFP_KERNEL) == 0);
	KF_CHECK(kfifo_recsize(&rec) == 1 && kfifo_size(&rec) == 128);
	/* The largest record that fits: one byte goes to the length. */
	KF_CHECK(kfifo_avail(&rec) == 127);
	KF_CHECK(kfifo_out(&rec, buf, 10) == 0);

	KF_CHECK(kfifo_in(&rec, "abc", 3) == 3);
	KF_CHECK(kfifo_in(&rec, "hello", 5) == 5);
	KF_CHECK(kfifo_len(&rec) == 3 + 1 + 5 + 1);
	KF_CHECK(kfifo_peek_len(&rec) == 3);

	/* A short read takes the whole record. */
	memset(buf, 0, sizeof(buf));
	KF_CHECK(kfifo_out_peek(&rec, buf, 10) == 3 && !memcmp(buf, "abc", 3));
	KF_CHECK(kfifo_out(&rec, buf, 2) == 2 && !memcmp(buf, "ab", 2));
	KF_CHECK(kfifo_peek_len(&rec) == 5);
	KF_CHECK(kfifo_out(&rec, buf, sizeof(buf)) == 5 && !memcmp(buf, "hello", 5));
	KF_CHECK(kfifo_is_empty(&rec));

	/* Records of 0..9 bytes until the fifo is full; a record goes in whole or not at all. */
	n = 0;
	for (i = 0; i < 40; i++) {
		memset(buf, 'a' + i % 26, i % 10);
		if (kfifo_in(&rec, buf, i % 10) != i % 10 || (i % 10 == 0 && kfifo_len(&rec) == 0))
			break;
		n++;
	}
	KF_CHECK(n < 40 && kfifo_len(&rec) <= 128 && kfifo_avail(&rec) < 9);
	ok = true;
	for (i = 0; i < n; i++) {
		unsigned int k, len = kfifo_out(&rec, buf, sizeof(buf));

		if (len != i % 10)
			ok = false;
		for (k = 0; k < len; k++)
			if (buf[k] != 'a' + i % 26)
				ok = false;
	}
	KF_CHECK(ok && kfifo_is_empty(&rec));

	/* kfifo_put/kfifo_get move one value as one record. */
	KF_CHECK(kfifo_put(&rec, 'z') == 1 && kfifo_len(&rec) == 2);
	{
		unsigned char c = 0;

		KF_CHECK(kfifo_get(&rec, &c) == 1 && c == 'z');
	}
	KF_CHECK(kfifo_in(&rec, "skip", 4) == 4 && kfifo_in(&rec, "me", 2) == 2);
	kfifo_skip(&rec);
	KF_CHECK(kfifo_out(&rec, buf, 10) == 2 && !memcmp(buf, "me", 2));

	/* User copies through a bad pointer: -EFAULT, the record stays. */
	KF_CHECK(kfifo_in(&rec, "rec", 3) == 3);
	n = 99;
	KF_CHECK(kfifo_to_user(&rec, (void __user *)buf, 10, &n) == -EFAULT && n == 0);
	KF_CHECK(kfifo_peek_len(&rec) == 3);
	n = 99;
	KF_CHECK(kfifo_from_user(&rec, (const void __user *)buf, 10, &n) == -EFAULT && n == 0);
	KF_CHECK(kfifo_len(&rec) == 4);
	kfifo_free(&rec);

	/* 2-byte lengths: records longer than 255 bytes. */
	INIT_KFIFO(rec2_fifo);
	KF_CHECK(kfifo_recsize(&rec2_fifo) == 2 && kfifo_size(&rec2_fifo) == 64);
	KF_CHECK(kfifo_avail(&rec2_fifo) == 62);
	memset(buf, 'q', 60);
	KF_CHECK(kfifo_in(&rec2_fifo, buf, 60) == 60);
	KF_CHECK(kfifo_len(&rec2_fifo) == 62 && kfifo_peek_len(&rec2_fifo) == 60);
	KF_CHECK(kfifo_in(&rec2_fifo, buf, 1) == 0);
	KF_CHECK(kfifo_out(&rec2_fifo, buf, sizeof(buf)) == 60);
	KF_CHECK(__kfifo_max_r(300, 1) == 255 && __kfifo_max_r(300, 2) == 300 &&
		 __kfifo_max_r(70000, 2) == 65535);
}

/* ---- The /proc fifos ---- */

static DEFINE_KFIFO(byte_fifo, unsigned char, 32);
static struct kfifo_rec_ptr_1 rec_fifo;
static DEFINE_MUTEX(read_access);
static DEFINE_MUTEX(write_access);

static ssize_t bytes_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	unsigned int copied;
	int ret;

	if (mutex_lock_interruptible(&write_access))
		return -ERESTARTSYS;
	ret = kfifo_from_user(&byte_fifo, buf, count, &copied);
	mutex_unlock(&write_access);
	if (!ret && !copied && count)
		return -ENOSPC;
	return ret ? ret : copied;
}

static ssize_t bytes_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	unsigned int copied;
	int ret;

	if (mutex_lock_interruptible(&read_access))
		return -ERESTARTSYS;
	ret = kfifo_to_user(&byte_fifo, buf, count, &copied);
	mutex_unlock(&read_access);
	return ret ? ret : copied;
}

static ssize_t records_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	unsigned int copied;
	int ret;

	if (mutex_lock_interruptible(&write_access))
		return -ERESTARTSYS;
	ret = kfifo_from_user(&rec_fifo, buf, count, &copied);
	mutex_unlock(&write_access);
	if (!ret && !copied && count)
		return -ENOSPC;
	return ret ? ret : copied;
}

static ssize_t records_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	unsigned int copied;
	int ret;

	if (mutex_lock_interruptible(&read_access))
		return -ERESTARTSYS;
	ret = kfifo_to_user(&rec_fifo, buf, count, &copied);
	mutex_unlock(&read_access);
	return ret ? ret : copied;
}

static const struct proc_ops bytes_ops = {
	.proc_read	= bytes_read,
	.proc_write	= bytes_write,
	.proc_lseek	= noop_llseek,
};

static const struct proc_ops records_ops = {
	.proc_read	= records_read,
	.proc_write	= records_write,
	.proc_lseek	= noop_llseek,
};

static noinline int __init test_kfifo_init(void)
{
	test_inttype();
	test_bytestream();
	test_record();

	pr_info("kfifo: %u of %u tests passed\n", tests_passed, tests_run);
	if (tests_run != tests_passed)
		return -EINVAL;

	if (kfifo_alloc(&rec_fifo, 64, GFP_KERNEL))
		return -ENOMEM;
	if (!proc_create("test_kfifo_bytes", 0666, NULL, &bytes_ops) ||
	    !proc_create("test_kfifo_records", 0666, NULL, &records_ops)) {
		remove_proc_entry("test_kfifo_bytes", NULL);
		kfifo_free(&rec_fifo);
		return -ENOMEM;
	}
	return 0;
}

static void __exit test_kfifo_exit(void)
{
	remove_proc_entry("test_kfifo_records", NULL);
	remove_proc_entry("test_kfifo_bytes", NULL);
	kfifo_free(&rec_fifo);
}

module_init(test_kfifo_init);
module_exit(test_kfifo_exit);
MODULE_DESCRIPTION("kfifo self-test");
MODULE_LICENSE("GPL");
