// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lib/kfifo.c: the functions behind <linux/kfifo.h>. The in and out counters run freely (they wrap
 * at 2^32) and index the buffer masked with size - 1; size is a power of two, so in - out is the fill
 * level even across the wrap. Lengths passed in here are in elements unless said otherwise; the
 * record functions work on byte fifos, a record being its length (1 or 2 bytes, little end first)
 * followed by its bytes.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/log2.h>
#include <linux/uaccess.h>
#include <linux/kfifo.h>

/* Free elements. */
static inline unsigned int kfifo_unused(struct __kfifo *fifo)
{
	return (fifo->mask + 1) - (fifo->in - fifo->out);
}

int __kfifo_alloc(struct __kfifo *fifo, unsigned int size,
		size_t esize, gfp_t gfp_mask)
{
	/* Masking the free-running counters needs a power of two. */
	size = roundup_pow_of_two(size);

	fifo->in = 0;
	fifo->out = 0;
	fifo->esize = esize;

	if (size < 2) {
		fifo->data = NULL;
		fifo->mask = 0;
		return -EINVAL;
	}

	fifo->data = kmalloc_array(esize, size, gfp_mask);
	if (!fifo->data) {
		fifo->mask = 0;
		return -ENOMEM;
	}
	fifo->mask = size - 1;

	return 0;
}
EXPORT_SYMBOL(__kfifo_alloc);

void __kfifo_free(struct __kfifo *fifo)
{
	kfree(fifo->data);
	fifo->in = 0;
	fifo->out = 0;
	fifo->esize = 0;
	fifo->data = NULL;
	fifo->mask = 0;
}
EXPORT_SYMBOL(__kfifo_free);

int __kfifo_init(struct __kfifo *fifo, void *buffer,
		unsigned int size, size_t esize)
{
	size /= esize;

	if (!is_power_of_2(size))
		size = rounddown_pow_of_two(size);

	fifo->in = 0;
	fifo->out = 0;
	fifo->esize = esize;
	fifo->data = buffer;

	if (size < 2) {
		fifo->mask = 0;
		return -EINVAL;
	}
	fifo->mask = size - 1;

	return 0;
}
EXPORT_SYMBOL(__kfifo_init);

/* Copy @len elements to position @off (a counter value), in at most two pieces. */
static void kfifo_copy_in(struct __kfifo *fifo, const void *src,
		unsigned int len, unsigned int off)
{
	unsigned int size = fifo->mask + 1;
	unsigned int esize = fifo->esize;
	unsigned int first;

	off &= fifo->mask;
	if (esize != 1) {
		off *= esize;
		size *= esize;
		len *= esize;
	}
	first = min(len, size - off);

	memcpy(fifo->data + off, src, first);
	memcpy(fifo->data, src + first, len - first);
	/* The data must be there before the writer moves fifo->in. */
	smp_wmb();
}

unsigned int __kfifo_in(struct __kfifo *fifo,
		const void *buf, unsigned int len)
{
	unsigned int room = kfifo_unused(fifo);

	if (len > room)
		len = room;

	kfifo_copy_in(fifo, buf, len, fifo->in);
	fifo->in += len;
	return len;
}
EXPORT_SYMBOL(__kfifo_in);

static void kfifo_copy_out(struct __kfifo *fifo, void *dst,
		unsigned int len, unsigned int off)
{
	unsigned int size = fifo->mask + 1;
	unsigned int esize = fifo->esize;
	unsigned int first;

	off &= fifo->mask;
	if (esize != 1) {
		off *= esize;
		size *= esize;
		len *= esize;
	}
	first = min(len, size - off);

	memcpy(dst, fifo->data + off, first);
	memcpy(dst + first, fifo->data, len - first);
	/* The data must be read before the reader moves fifo->out. */
	smp_wmb();
}

unsigned int __kfifo_out_peek(struct __kfifo *fifo,
		void *buf, unsigned int len)
{
	unsigned int used = fifo->in - fifo->out;

	if (len > used)
		len = used;

	kfifo_copy_out(fifo, buf, len, fifo->out);
	return len;
}
EXPORT_SYMBOL(__kfifo_out_peek);

unsigned int __kfifo_out_linear(struct __kfifo *fifo,
		unsigned int *tail, unsigned int n)
{
	unsigned int size = fifo->mask + 1;
	unsigned int off = fifo->out & fifo->mask;
	unsigned int used = fifo->in - fifo->out;

	if (tail)
		*tail = off;

	return min3(n, used, size - off);
}
EXPORT_SYMBOL(__kfifo_out_linear);

unsigned int __kfifo_out(struct __kfifo *fifo,
		void *buf, unsigned int len)
{
	len = __kfifo_out_peek(fifo, buf, len);
	fifo->out += len;
	return len;
}
EXPORT_SYMBOL(__kfifo_out);

/*
 * Copy @len elements from user space to position @off; *@copied gets the bytes copied. Returns the
 * elements not copied (a fault).
 */
static unsigned long kfifo_copy_from_user(struct __kfifo *fifo,
	const void __user *from, unsigned int len, unsigned int off,
	unsigned int *copied)
{
	unsigned int size = fifo->mask + 1;
	unsigned int esize = fifo->esize;
	unsigned int first;
	unsigned long left;

	off &= fifo->mask;
	if (esize != 1) {
		off *= esize;
		size *= esize;
		len *= esize;
	}
	first = min(len, size - off);

	left = copy_from_user(fifo->data + off, from, first);
	if (unlikely(left)) {
		left = DIV_ROUND_UP(left + len - first, esize);
	} else {
		left = copy_from_user(fifo->data, from + first, len - first);
		if (unlikely(left))
			left = DIV_ROUND_UP(left, esize);
	}
	smp_wmb();
	*copied = len - left * esize;
	return left;
}

int __kfifo_from_user(struct __kfifo *fifo, const void __user *from,
		unsigned long len, unsigned int *copied)
{
	unsigned int room;
	unsigned long left;
	unsigned int esize = fifo->esize;
	int err = 0;

	if (esize != 1)
		len /= esize;

	room = kfifo_unused(fifo);
	if (len > room)
		len = room;

	left = kfifo_copy_from_user(fifo, from, len, fifo->in, copied);
	if (unlikely(left)) {
		len -= left;
		err = -EFAULT;
	}
	fifo->in += len;
	return err;
}
EXPORT_SYMBOL(__kfifo_from_user);

static unsigned long kfifo_copy_to_user(struct __kfifo *fifo, void __user *to,
		unsigned int len, unsigned int off, unsigned int *copied)
{
	unsigned int size = fifo->mask + 1;
	unsigned int esize = fifo->esize;
	unsigned int first;
	unsigned long left;

	off &= fifo->mask;
	if (esize != 1) {
		off *= esize;
		size *= esize;
		len *= esize;
	}
	first = min(len, size - off);

	left = copy_to_user(to, fifo->data + off, first);
	if (unlikely(left)) {
		left = DIV_ROUND_UP(left + len - first, esize);
	} else {
		left = copy_to_user(to + first, fifo->data, len - first);
		if (unlikely(left))
			left = DIV_ROUND_UP(left, esize);
	}
	smp_wmb();
	*copied = len - left * esize;
	return left;
}

int __kfifo_to_user(struct __kfifo *fifo, void __user *to,
		unsigned long len, unsigned int *copied)
{
	unsigned int used;
	unsigned long left;
	unsigned int esize = fifo->esize;
	int err = 0;

	if (esize != 1)
		len /= esize;

	used = fifo->in - fifo->out;
	if (len > used)
		len = used;

	left = kfifo_copy_to_user(fifo, to, len, fifo->out, copied);
	if (unlikely(left)) {
		len -= left;
		err = -EFAULT;
	}
	fifo->out += len;
	return err;
}
EXPORT_SYMBOL(__kfifo_to_user);

/* ---- record fifos ---- */

/* The length of the next record, from its 1- or 2-byte header. */
static unsigned int __kfifo_peek_n(struct __kfifo *fifo, size_t recsize)
{
	const unsigned char *data = fifo->data;
	unsigned int mask = fifo->mask;
	unsigned int n = data[fifo->out & mask];

	if (recsize > 1)
		n |= data[(fifo->out + 1) & mask] << 8;
	return n;
}

/* Write the header of a record of @n bytes at fifo->in. */
static void __kfifo_poke_n(struct __kfifo *fifo, unsigned int n, size_t recsize)
{
	unsigned char *data = fifo->data;
	unsigned int mask = fifo->mask;

	data[fifo->in & mask] = (unsigned char)n;
	if (recsize > 1)
		data[(fifo->in + 1) & mask] = (unsigned char)(n >> 8);
}

/* The largest record length a header of @recsize bytes holds, or @len if smaller. */
unsigned int __kfifo_max_r(unsigned int len, size_t recsize)
{
	unsigned int max = (1 << (recsize << 3)) - 1;

	return len > max ? max : len;
}
EXPORT_SYMBOL(__kfifo_max_r);

unsigned int __kfifo_len_r(struct __kfifo *fifo, size_t recsize)
{
	return __kfifo_peek_n(fifo, recsize);
}
EXPORT_SYMBOL(__kfifo_len_r);

unsigned int __kfifo_in_r(struct __kfifo *fifo, const void *buf,
		unsigned int len, size_t recsize)
{
	/* A record goes in whole or not at all. */
	if (len + recsize > kfifo_unused(fifo))
		return 0;

	__kfifo_poke_n(fifo, len, recsize);
	kfifo_copy_in(fifo, buf, len, fifo->in + recsize);
	fifo->in += len + recsize;
	return len;
}
EXPORT_SYMBOL(__kfifo_in_r);

/* Copy the next record's bytes (at most @len) out; *@n gets its full length. */
static unsigned int kfifo_out_copy_r(struct __kfifo *fifo,
	void *buf, unsigned int len, size_t recsize, unsigned int *n)
{
	*n = __kfifo_peek_n(fifo, recsize);

	if (len > *n)
		len = *n;

	kfifo_copy_out(fifo, buf, len, fifo->out + recsize);
	return len;
}

unsigned int __kfifo_out_peek_r(struct __kfifo *fifo, void *buf,
		unsigned int len, size_t recsize)
{
	unsigned int n;

	if (fifo->in == fifo->out)
		return 0;

	return kfifo_out_copy_r(fifo, buf, len, recsize, &n);
}
EXPORT_SYMBOL(__kfifo_out_peek_r);

unsigned int __kfifo_out_linear_r(struct __kfifo *fifo,
		unsigned int *tail, unsigned int n, size_t recsize)
{
	if (fifo->in == fifo->out)
		return 0;

	if (tail)
		*tail = (fifo->out + recsize) & fifo->mask;

	return min(n, __kfifo_peek_n(fifo, recsize));
}
EXPORT_SYMBOL(__kfifo_out_linear_r);

unsigned int __kfifo_out_r(struct __kfifo *fifo, void *buf,
		unsigned int len, size_t recsize)
{
	unsigned int n;

	if (fifo->in == fifo->out)
		return 0;

	len = kfifo_out_copy_r(fifo, buf, len, recsize, &n);
	/* The whole record goes, even when cut to @len. */
	fifo->out += n + recsize;
	return len;
}
EXPORT_SYMBOL(__kfifo_out_r);

void __kfifo_skip_r(struct __kfifo *fifo, size_t recsize)
{
	unsigned int n = __kfifo_peek_n(fifo, recsize);

	fifo->out += n + recsize;
}
EXPORT_SYMBOL(__kfifo_skip_r);

int __kfifo_from_user_r(struct __kfifo *fifo, const void __user *from,
	unsigned long len, unsigned int *copied, size_t recsize)
{
	unsigned long left;

	len = __kfifo_max_r(len, recsize);

	if (len + recsize > kfifo_unused(fifo)) {
		*copied = 0;
		return 0;
	}

	__kfifo_poke_n(fifo, len, recsize);

	left = kfifo_copy_from_user(fifo, from, len, fifo->in + recsize, copied);
	if (unlikely(left)) {
		*copied = 0;
		return -EFAULT;
	}
	fifo->in += len + recsize;
	return 0;
}
EXPORT_SYMBOL(__kfifo_from_user_r);

int __kfifo_to_user_r(struct __kfifo *fifo, void __user *to,
	unsigned long len, unsigned int *copied, size_t recsize)
{
	unsigned long left;
	unsigned int n;

	if (fifo->in == fifo->out) {
		*copied = 0;
		return 0;
	}

	n = __kfifo_peek_n(fifo, recsize);
	if (len > n)
		len = n;

	left = kfifo_copy_to_user(fifo, to, len, fifo->out + recsize, copied);
	if (unlikely(left)) {
		*copied = 0;
		return -EFAULT;
	}
	fifo->out += n + recsize;
	return 0;
}
EXPORT_SYMBOL(__kfifo_to_user_r);
