/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_UIO_H
#define __LINUX_UIO_H

#include <linux/types.h>
#include <linux/compiler.h>

/*
 * I/O vectors (lib/iov_iter.c): what a read_iter()/write_iter() method reads into or writes from. An
 * iterator walks a user buffer (ITER_UBUF: read(2)/write(2)), user iovecs (ITER_IOVEC) or kernel
 * buffers (ITER_KVEC); copy_to_iter()/copy_from_iter() move data and advance it, copying to and from
 * user memory as copy_to_user()/copy_from_user() do.
 */
struct iovec {
	void __user *iov_base;
	__kernel_size_t iov_len;
};

struct kvec {
	void *iov_base;
	size_t iov_len;
};

enum iter_type {
	ITER_UBUF,
	ITER_IOVEC,
	ITER_BVEC,
	ITER_KVEC,
	ITER_XARRAY,
	ITER_DISCARD,
};

#define ITER_SOURCE	1	/* == WRITE: data comes from the iterator */
#define ITER_DEST	0	/* == READ: data goes into the iterator */

struct iov_iter {
	u8 iter_type;
	bool nofault;
	bool data_source;
	size_t iov_offset;	/* into the current segment */
	union {
		const struct iovec *__iov;
		const struct kvec *kvec;
		void __user *ubuf;
	};
	size_t count;		/* bytes left */
	unsigned long nr_segs;
};

static inline enum iter_type iov_iter_type(const struct iov_iter *i) { return i->iter_type; }
static inline bool user_backed_iter(const struct iov_iter *i) { return i->iter_type <= ITER_IOVEC; }
static inline bool iter_is_ubuf(const struct iov_iter *i) { return i->iter_type == ITER_UBUF; }
static inline bool iter_is_iovec(const struct iov_iter *i) { return i->iter_type == ITER_IOVEC; }
static inline bool iov_iter_is_kvec(const struct iov_iter *i) { return i->iter_type == ITER_KVEC; }
static inline bool iov_iter_is_discard(const struct iov_iter *i) { return i->iter_type == ITER_DISCARD; }
static inline size_t iov_iter_count(const struct iov_iter *i) { return i->count; }
static inline unsigned char iov_iter_rw(const struct iov_iter *i) { return i->data_source ? ITER_SOURCE : ITER_DEST; }

/* Stop the iterator @count bytes from where it is (a short read or write). */
static inline void iov_iter_truncate(struct iov_iter *i, u64 count)
{
	if (i->count > count)
		i->count = count;
}

static inline void iov_iter_reexpand(struct iov_iter *i, size_t count) { i->count = count; }

void iov_iter_ubuf(struct iov_iter *i, unsigned int direction, void __user *buf, size_t count);
void iov_iter_init(struct iov_iter *i, unsigned int direction, const struct iovec *iov,
		   unsigned long nr_segs, size_t count);
void iov_iter_kvec(struct iov_iter *i, unsigned int direction, const struct kvec *kvec,
		   unsigned long nr_segs, size_t count);
void iov_iter_discard(struct iov_iter *i, unsigned int direction, size_t count);
void iov_iter_advance(struct iov_iter *i, size_t bytes);
void iov_iter_revert(struct iov_iter *i, size_t bytes);
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
bool copy_from_iter_full(void *addr, size_t bytes, struct iov_iter *i);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);
int import_ubuf(int type, void __user *buf, size_t len, struct iov_iter *i);

static inline size_t _copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	return copy_to_iter(addr, bytes, i);
}

static inline size_t _copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	return copy_from_iter(addr, bytes, i);
}

#endif /* __LINUX_UIO_H */
