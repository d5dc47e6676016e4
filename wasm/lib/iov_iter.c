// SPDX-License-Identifier: GPL-2.0
/*
 * lib/iov_iter.c: walking I/O vectors (linux/uio.h). Each copy goes segment by segment: user segments
 * through copy_to_user()/copy_from_user() (a fault stops the copy short, as on Linux: the return value
 * is what was copied), kernel segments with memcpy; ITER_DISCARD only counts.
 */
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

void iov_iter_ubuf(struct iov_iter *i, unsigned int direction, void __user *buf, size_t count)
{
	*i = (struct iov_iter){ .iter_type = ITER_UBUF, .data_source = direction, .ubuf = buf,
				.count = count, .nr_segs = 1 };
}
EXPORT_SYMBOL(iov_iter_ubuf);

void iov_iter_init(struct iov_iter *i, unsigned int direction, const struct iovec *iov,
		   unsigned long nr_segs, size_t count)
{
	*i = (struct iov_iter){ .iter_type = ITER_IOVEC, .data_source = direction, .__iov = iov,
				.count = count, .nr_segs = nr_segs };
}
EXPORT_SYMBOL(iov_iter_init);

void iov_iter_kvec(struct iov_iter *i, unsigned int direction, const struct kvec *kvec,
		   unsigned long nr_segs, size_t count)
{
	*i = (struct iov_iter){ .iter_type = ITER_KVEC, .data_source = direction, .kvec = kvec,
				.count = count, .nr_segs = nr_segs };
}
EXPORT_SYMBOL(iov_iter_kvec);

void iov_iter_discard(struct iov_iter *i, unsigned int direction, size_t count)
{
	*i = (struct iov_iter){ .iter_type = ITER_DISCARD, .data_source = direction, .count = count };
}
EXPORT_SYMBOL(iov_iter_discard);

int import_ubuf(int rw, void __user *buf, size_t len, struct iov_iter *i)
{
	if (len > MAX_RW_COUNT)
		len = MAX_RW_COUNT;
	if (unlikely(!access_ok(buf, len)))
		return -EFAULT;
	iov_iter_ubuf(i, rw, buf, len);
	return 0;
}
EXPORT_SYMBOL_GPL(import_ubuf);

/* The current segment: its base (user or kernel) and what is left of it. */
static size_t segment(const struct iov_iter *i, void **base)
{
	switch (i->iter_type) {
	case ITER_UBUF:
		*base = (char __user *)i->ubuf + i->iov_offset;
		return i->count;
	case ITER_IOVEC:
		*base = (char __user *)i->__iov->iov_base + i->iov_offset;
		return i->__iov->iov_len - i->iov_offset;
	case ITER_KVEC:
		*base = (char *)i->kvec->iov_base + i->iov_offset;
		return i->kvec->iov_len - i->iov_offset;
	default:
		*base = NULL;
		return i->count;
	}
}

void iov_iter_advance(struct iov_iter *i, size_t bytes)
{
	bytes = min(bytes, i->count);
	i->count -= bytes;
	if (i->iter_type == ITER_UBUF || i->iter_type == ITER_DISCARD) {
		i->iov_offset += bytes;
		return;
	}
	while (bytes) {
		void *base;
		size_t left = segment(i, &base), n = min(bytes, left);

		bytes -= n;
		i->iov_offset += n;
		if (n == left) {	/* next segment */
			if (i->iter_type == ITER_IOVEC)
				i->__iov++;
			else
				i->kvec++;
			i->nr_segs--;
			i->iov_offset = 0;
		}
	}
}
EXPORT_SYMBOL(iov_iter_advance);

void iov_iter_revert(struct iov_iter *i, size_t bytes)
{
	i->count += bytes;
	if (i->iter_type == ITER_UBUF || i->iter_type == ITER_DISCARD) {
		i->iov_offset -= bytes;
		return;
	}
	while (bytes) {
		size_t n;

		if (!i->iov_offset) {	/* back into the previous segment, at its end */
			if (i->iter_type == ITER_IOVEC) {
				i->__iov--;
				i->iov_offset = i->__iov->iov_len;
			} else {
				i->kvec--;
				i->iov_offset = i->kvec->iov_len;
			}
			i->nr_segs++;
		}
		n = min(bytes, i->iov_offset);
		i->iov_offset -= n;
		bytes -= n;
	}
}
EXPORT_SYMBOL(iov_iter_revert);

/* Moves up to @bytes between @addr and the iterator; returns the bytes moved (short on a user fault). */
static size_t iterate(void *addr, const void *zero, size_t bytes, struct iov_iter *i, bool to_iter)
{
	size_t done = 0;

	bytes = min(bytes, i->count);
	while (done < bytes) {
		void *base;
		size_t n = min(bytes - done, segment(i, &base)), left = 0;

		if (!n) {	/* an empty segment */
			if (i->iter_type == ITER_IOVEC) { i->__iov++; i->nr_segs--; }
			else if (i->iter_type == ITER_KVEC) { i->kvec++; i->nr_segs--; }
			continue;
		}
		if (i->iter_type == ITER_DISCARD)
			;
		else if (user_backed_iter(i))
			left = to_iter ? copy_to_user(base, zero ? zero : (char *)addr + done, n)
				       : copy_from_user((char *)addr + done, base, n);
		else if (to_iter)
			memcpy(base, zero ? zero : (char *)addr + done, n);
		else
			memcpy((char *)addr + done, base, n);
		iov_iter_advance(i, n - left);
		done += n - left;
		if (left)
			break;
	}
	return done;
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	if (WARN_ON_ONCE(i->data_source))
		return 0;
	return iterate((void *)addr, NULL, bytes, i, true);
}
EXPORT_SYMBOL(copy_to_iter);

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	if (WARN_ON_ONCE(!i->data_source))
		return 0;
	return iterate(addr, NULL, bytes, i, false);
}
EXPORT_SYMBOL(copy_from_iter);

/* All @bytes or nothing: on a short copy the iterator is put back. */
bool copy_from_iter_full(void *addr, size_t bytes, struct iov_iter *i)
{
	size_t copied = copy_from_iter(addr, bytes, i);

	if (likely(copied == bytes))
		return true;
	iov_iter_revert(i, copied);
	return false;
}
EXPORT_SYMBOL(copy_from_iter_full);

/* Zeroes @bytes of the iterator (a page-sized zero source, reused). */
size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	static const char zeros[256];
	size_t done = 0;

	while (done < bytes) {
		size_t n = min(bytes - done, sizeof(zeros)), got = iterate(NULL, zeros, n, i, true);

		done += got;
		if (got < n)
			break;
	}
	return done;
}
EXPORT_SYMBOL(iov_iter_zero);
