/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BUFFER_HEAD_H
#define _LINUX_BUFFER_HEAD_H

/*
 * Buffer heads (Linux 6.12's buffer cache API): one block of a block device in memory, found again by
 * (device, block, size) while it is referenced. The cache is wasm/fs/buffer.c.
 */
#include <linux/types.h>
#include <linux/fs.h>
#include <linux/blkdev.h>
#include <linux/bitops.h>
#include <linux/atomic.h>
#include <linux/list.h>

enum bh_state_bits {
	BH_Uptodate,	/* Contains valid data */
	BH_Dirty,	/* Is dirty */
	BH_Lock,	/* Is locked */
	BH_Req,		/* Has been submitted for I/O */
	BH_Mapped,	/* Has a disk mapping */
	BH_New,		/* Disk mapping was newly created by get_block */
	BH_Async_Read,
	BH_Async_Write,
	BH_Delay,
	BH_Boundary,
	BH_Write_EIO,	/* I/O error on write */
	BH_Unwritten,
	BH_Quiet,
	BH_Meta,
	BH_Prio,
	BH_Defer_Completion,
	BH_PrivateStart,
};

struct buffer_head;
typedef void (bh_end_io_t)(struct buffer_head *bh, int uptodate);

struct buffer_head {
	unsigned long b_state;		/* buffer state bitmap (see above) */
	struct buffer_head *b_this_page;
	struct page *b_page;		/* the page this bh is mapped to */
	sector_t b_blocknr;		/* start block number */
	size_t b_size;			/* size of mapping */
	char *b_data;			/* pointer to data within the page */
	struct block_device *b_bdev;
	bh_end_io_t *b_end_io;
	void *b_private;
	struct list_head b_assoc_buffers;
	atomic_t b_count;		/* users using this buffer_head */
	struct list_head lkm_node;	/* the cache's list */
};

#define BUFFER_FNS(bit, name)						\
static __always_inline void set_buffer_##name(struct buffer_head *bh)	\
{									\
	set_bit(BH_##bit, &(bh)->b_state);				\
}									\
static __always_inline void clear_buffer_##name(struct buffer_head *bh)	\
{									\
	clear_bit(BH_##bit, &(bh)->b_state);				\
}									\
static __always_inline int buffer_##name(const struct buffer_head *bh)	\
{									\
	return test_bit(BH_##bit, &(bh)->b_state);			\
}

BUFFER_FNS(Uptodate, uptodate)
BUFFER_FNS(Dirty, dirty)
BUFFER_FNS(Lock, locked)
BUFFER_FNS(Req, req)
BUFFER_FNS(Mapped, mapped)
BUFFER_FNS(New, new)
BUFFER_FNS(Write_EIO, write_io_error)
BUFFER_FNS(Meta, meta)

static inline void get_bh(struct buffer_head *bh)
{
	atomic_inc(&bh->b_count);
}

/* One user less; the cache frees the buffer with the last one (__brelse). */
static inline void put_bh(struct buffer_head *bh)
{
	atomic_dec(&bh->b_count);
}

/* No other task runs while a system call does: a buffer's lock only marks it busy. */
static inline void lock_buffer(struct buffer_head *bh)
{
	set_buffer_locked(bh);
}

static inline void unlock_buffer(struct buffer_head *bh)
{
	clear_buffer_locked(bh);
}

static inline void wait_on_buffer(struct buffer_head *bh)
{
	(void)bh;
}

struct buffer_head *__getblk(struct block_device *bdev, sector_t block, unsigned size);
struct buffer_head *__bread(struct block_device *bdev, sector_t block, unsigned size);
void __brelse(struct buffer_head *bh);
void __bforget(struct buffer_head *bh);
void mark_buffer_dirty(struct buffer_head *bh);
int sync_dirty_buffer(struct buffer_head *bh);
int __sync_dirty_buffer(struct buffer_head *bh, blk_opf_t op_flags);
int sync_blockdev(struct block_device *bdev);
int bh_read(struct buffer_head *bh, blk_opf_t op_flags);

static inline void brelse(struct buffer_head *bh)
{
	if (bh)
		__brelse(bh);
}

static inline void bforget(struct buffer_head *bh)
{
	if (bh)
		__bforget(bh);
}

static inline struct buffer_head *sb_bread(struct super_block *sb, sector_t block)
{
	return __bread(sb->s_bdev, block, sb->s_blocksize);
}

static inline struct buffer_head *sb_getblk(struct super_block *sb, sector_t block)
{
	return __getblk(sb->s_bdev, block, sb->s_blocksize);
}

static inline struct buffer_head *sb_bread_unmovable(struct super_block *sb, sector_t block)
{
	return sb_bread(sb, block);
}

int sb_set_blocksize(struct super_block *sb, int size);
int sb_min_blocksize(struct super_block *sb, int size);

/* fs/super.c's block device mounts (wasm/block/bdev.c). */
int get_tree_bdev(struct fs_context *fc, int (*fill_super)(struct super_block *sb, struct fs_context *fc));
struct dentry *mount_bdev(struct file_system_type *fs_type, int flags, const char *dev_name, void *data,
			  int (*fill_super)(struct super_block *, void *, int));
void kill_block_super(struct super_block *sb);
int lookup_bdev(const char *pathname, dev_t *dev);

#endif /* _LINUX_BUFFER_HEAD_H */
