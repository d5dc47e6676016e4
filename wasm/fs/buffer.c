// SPDX-License-Identifier: GPL-2.0
/*
 * The buffer cache (fs/buffer.c): blocks of a block device held in memory while file systems use
 * them. A buffer is found again by (device, block, size) as long as someone holds it; its last
 * brelse() writes it back if it is dirty and frees it (there is no memory pressure to keep it for).
 */
#include <linux/buffer_head.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include "../block/blk.h"

static LIST_HEAD(buffers);
static DEFINE_SPINLOCK(buffers_lock);

static struct buffer_head *find_buffer(struct block_device *bdev, sector_t block, unsigned size)
{
	struct buffer_head *bh;

	list_for_each_entry(bh, &buffers, lkm_node)
		if (bh->b_bdev == bdev && bh->b_blocknr == block && bh->b_size == size)
			return bh;
	return NULL;
}

static int bh_io(struct buffer_head *bh, bool write)
{
	loff_t pos = (loff_t)bh->b_blocknr * bh->b_size;

	return lkm_bdev_rw_kernel(bh->b_bdev->bd_disk, pos, bh->b_data, bh->b_size, write);
}

struct buffer_head *__getblk(struct block_device *bdev, sector_t block, unsigned size)
{
	struct buffer_head *bh, *other;

	if (size < 512 || size > PAGE_SIZE || (size & (size - 1)) ||
	    size < bdev_logical_block_size(bdev)) {
		printk(KERN_ERR "getblk(): invalid block size %d requested\n", size);
		printk(KERN_ERR "logical block size: %d\n", bdev_logical_block_size(bdev));
		return NULL;
	}
	spin_lock(&buffers_lock);
	bh = find_buffer(bdev, block, size);
	if (bh)
		get_bh(bh);
	spin_unlock(&buffers_lock);
	if (bh)
		return bh;
	bh = kzalloc(sizeof(*bh), GFP_NOFS);
	if (!bh)
		return NULL;
	bh->b_data = kzalloc(size, GFP_NOFS);
	if (!bh->b_data) {
		kfree(bh);
		return NULL;
	}
	bh->b_page = virt_to_page(bh->b_data);
	bh->b_bdev = bdev;
	bh->b_blocknr = block;
	bh->b_size = size;
	INIT_LIST_HEAD(&bh->b_assoc_buffers);
	atomic_set(&bh->b_count, 1);
	set_buffer_mapped(bh);
	spin_lock(&buffers_lock);
	other = find_buffer(bdev, block, size);
	if (other) {
		get_bh(other);
	} else {
		list_add(&bh->lkm_node, &buffers);
	}
	spin_unlock(&buffers_lock);
	if (other) {
		kfree(bh->b_data);
		kfree(bh);
		return other;
	}
	return bh;
}
EXPORT_SYMBOL(__getblk);

int bh_read(struct buffer_head *bh, blk_opf_t op_flags)
{
	int ret;

	(void)op_flags;
	if (buffer_uptodate(bh))
		return 1;
	ret = bh_io(bh, false);
	if (ret)
		return ret;
	set_buffer_uptodate(bh);
	return 0;
}
EXPORT_SYMBOL(bh_read);

/* A block past the end of the device, or one that fails to read, gives NULL (as Linux's __bread). */
struct buffer_head *__bread(struct block_device *bdev, sector_t block, unsigned size)
{
	struct buffer_head *bh = __getblk(bdev, block, size);

	if (bh && bh_read(bh, 0) < 0) {
		brelse(bh);
		return NULL;
	}
	return bh;
}
EXPORT_SYMBOL(__bread);

void mark_buffer_dirty(struct buffer_head *bh)
{
	WARN_ON_ONCE(!buffer_uptodate(bh));
	set_buffer_dirty(bh);
}
EXPORT_SYMBOL(mark_buffer_dirty);

int __sync_dirty_buffer(struct buffer_head *bh, blk_opf_t op_flags)
{
	int ret;

	(void)op_flags;
	if (!test_and_clear_bit(BH_Dirty, &bh->b_state))
		return 0;
	ret = bh_io(bh, true);
	if (ret) {
		set_buffer_write_io_error(bh);
		clear_buffer_uptodate(bh);
		return -EIO;
	}
	return 0;
}
EXPORT_SYMBOL(__sync_dirty_buffer);

int sync_dirty_buffer(struct buffer_head *bh)
{
	return __sync_dirty_buffer(bh, REQ_SYNC);
}
EXPORT_SYMBOL(sync_dirty_buffer);

static void release_buffer(struct buffer_head *bh, bool write_back)
{
	if (write_back && buffer_dirty(bh) && __sync_dirty_buffer(bh, 0))
		pr_err("Buffer I/O error on dev %s, logical block %llu, lost async page write\n",
		       bh->b_bdev->bd_disk->disk_name, (unsigned long long)bh->b_blocknr);
	spin_lock(&buffers_lock);
	if (atomic_dec_and_test(&bh->b_count))
		list_del(&bh->lkm_node);
	else
		bh = NULL;
	spin_unlock(&buffers_lock);
	if (bh) {
		kfree(bh->b_data);
		kfree(bh);
	}
}

void __brelse(struct buffer_head *bh)
{
	if (!atomic_read(&bh->b_count)) {
		WARN(1, KERN_ERR "VFS: brelse: Trying to free free buffer\n");
		return;
	}
	release_buffer(bh, atomic_read(&bh->b_count) == 1);
}
EXPORT_SYMBOL(__brelse);

/* The buffer's contents no longer matter: dropped without being written. */
void __bforget(struct buffer_head *bh)
{
	clear_buffer_dirty(bh);
	__brelse(bh);
}
EXPORT_SYMBOL(__bforget);

/* Writes back the dirty buffers of @bdev still held (released ones were written at their last brelse). */
int sync_blockdev(struct block_device *bdev)
{
	struct buffer_head *bh;
	int ret = 0;

	spin_lock(&buffers_lock);
	list_for_each_entry(bh, &buffers, lkm_node) {
		if (bh->b_bdev != bdev || !buffer_dirty(bh))
			continue;
		spin_unlock(&buffers_lock);
		ret = __sync_dirty_buffer(bh, 0) ?: ret;
		spin_lock(&buffers_lock);
	}
	spin_unlock(&buffers_lock);
	return ret;
}
EXPORT_SYMBOL(sync_blockdev);
