// SPDX-License-Identifier: GPL-2.0
/*
 * Block devices under file systems (block/bdev.c, fs/super.c's bdev mounts): finding a device by its
 * /dev path, get_tree_bdev()/mount_bdev() for FS_REQUIRES_DEV types, kill_block_super(), and the
 * kernel-buffer I/O the buffer cache (fs/buffer.c) reads and writes blocks with.
 */
#include <linux/blkdev.h>
#include <linux/buffer_head.h>
#include <linux/fs_context.h>
#include <linux/string.h>
#include <linux/slab.h>
#include "blk.h"

/*
 * lookup_bdev(): "/dev/NAME" to a device number. devtmpfs names a disk's node after the disk, so the
 * name is looked up among the added disks.
 */
int lookup_bdev(const char *pathname, dev_t *dev)
{
	const char *name;
	dev_t devt;

	if (!pathname || !*pathname)
		return -EINVAL;
	if (strncmp(pathname, "/dev/", 5))
		return -ENOTBLK;
	name = pathname + 5;
	devt = lkm_disk_devt_by_name(name);
	if (!devt)
		return -ENOENT;
	*dev = devt;
	return 0;
}
EXPORT_SYMBOL(lookup_bdev);

int lkm_bdev_rw_kernel(struct gendisk *disk, loff_t pos, void *buf, size_t len, bool write)
{
	loff_t start = pos & ~(loff_t)(PAGE_SIZE - 1), size = bdev_nr_bytes(disk->part0);
	unsigned int off = pos - start, window;
	struct lkm_blk_io *io;
	int ret;

	if (pos < 0 || off + len > PAGE_SIZE || pos + (loff_t)len > size)
		return -EIO;
	window = min_t(loff_t, PAGE_SIZE, size - start);
	io = lkm_blk_io_alloc();
	if (!io)
		return -ENOMEM;
	ret = lkm_blk_rw(disk, REQ_OP_READ, start >> SECTOR_SHIFT, io, window);
	if (!ret && write) {
		memcpy(io->buf + off, buf, len);
		ret = lkm_blk_rw(disk, REQ_OP_WRITE, start >> SECTOR_SHIFT, io, window);
	} else if (!ret) {
		memcpy(buf, io->buf + off, len);
	}
	if (!io->abandoned)
		lkm_blk_io_free(io);
	return ret;
}

/* set_init_blocksize(): the device's block size, the logical one doubled up to a page while it divides the size. */
static unsigned int bdev_block_size(struct block_device *bdev)
{
	unsigned int bsize = bdev_logical_block_size(bdev);
	loff_t size = bdev_nr_bytes(bdev);

	while (bsize < PAGE_SIZE && !(size & bsize))
		bsize <<= 1;
	return bsize;
}

int sb_set_blocksize(struct super_block *sb, int size)
{
	if (size > PAGE_SIZE || size < 512 || !is_power_of_2(size))
		return 0;
	if (sb->s_bdev && size < (int)bdev_logical_block_size(sb->s_bdev))
		return 0;
	sb->s_blocksize = size;
	sb->s_blocksize_bits = ilog2(size);
	return sb->s_blocksize;
}
EXPORT_SYMBOL(sb_set_blocksize);

int sb_min_blocksize(struct super_block *sb, int size)
{
	int minsize = bdev_logical_block_size(sb->s_bdev);

	if (size < minsize)
		size = minsize;
	return sb_set_blocksize(sb, size);
}
EXPORT_SYMBOL(sb_min_blocksize);

static int set_bdev_super(struct super_block *s, struct fs_context *fc)
{
	struct block_device *bdev = fc->sget_key;

	s->s_dev = bdev->bd_dev;
	s->s_bdev = bdev;
	return 0;
}

static int test_bdev_super(struct super_block *s, struct fs_context *fc)
{
	return s->s_bdev == fc->sget_key;
}

/* The disk the mount names, opened (a read-only mount opens it for reading only). */
static struct gendisk *open_source(struct fs_context *fc, const char *source)
{
	blk_mode_t mode = BLK_OPEN_READ | ((fc->sb_flags & SB_RDONLY) ? 0 : BLK_OPEN_WRITE);
	struct gendisk *disk;
	dev_t dev;
	int ret;

	if (!source)
		return ERR_PTR(invalf(fc, "No source specified"));
	ret = lookup_bdev(source, &dev);
	if (ret) {
		errorf(fc, "%s: Can't lookup blockdev", source);
		return ERR_PTR(ret);
	}
	disk = lkm_bdev_open(dev, mode);
	if (IS_ERR(disk))
		return disk;
	if ((mode & BLK_OPEN_WRITE) && bdev_read_only(disk->part0)) {
		lkm_bdev_release(disk);
		return ERR_PTR(-EACCES);
	}
	return disk;
}

int get_tree_bdev(struct fs_context *fc, int (*fill_super)(struct super_block *sb, struct fs_context *fc))
{
	struct gendisk *disk = open_source(fc, fc->source);
	struct super_block *s;
	int error;

	if (IS_ERR(disk))
		return PTR_ERR(disk);
	fc->sget_key = disk->part0;
	s = sget_fc(fc, test_bdev_super, set_bdev_super);
	if (IS_ERR(s)) {
		lkm_bdev_release(disk);
		return PTR_ERR(s);
	}
	if (s->s_root) {
		/* Mounted already: the new mount shares it (and its open of the device). */
		lkm_bdev_release(disk);
		if ((fc->sb_flags ^ s->s_flags) & SB_RDONLY) {
			warnf(fc, "%s: Can't mount, would change RO state", disk->disk_name);
			deactivate_locked_super(s);
			return -EBUSY;
		}
	} else {
		snprintf(s->s_id, sizeof(s->s_id), "%s", disk->disk_name);
		sb_set_blocksize(s, bdev_block_size(s->s_bdev));
		error = fill_super(s, fc);
		if (error) {
			deactivate_locked_super(s);
			return error;
		}
		s->s_flags |= SB_ACTIVE;
	}
	fc->root = dget(s->s_root);
	return 0;
}
EXPORT_SYMBOL(get_tree_bdev);

static int legacy_set_bdev(struct super_block *s, void *data)
{
	struct block_device *bdev = data;

	s->s_dev = bdev->bd_dev;
	s->s_bdev = bdev;
	return 0;
}

static int legacy_test_bdev(struct super_block *s, void *data)
{
	return s->s_bdev == data;
}

struct dentry *mount_bdev(struct file_system_type *fs_type, int flags, const char *dev_name, void *data,
			  int (*fill_super)(struct super_block *, void *, int))
{
	blk_mode_t mode = BLK_OPEN_READ | ((flags & SB_RDONLY) ? 0 : BLK_OPEN_WRITE);
	struct gendisk *disk;
	struct super_block *s;
	dev_t dev;
	int error;

	error = lookup_bdev(dev_name, &dev);
	if (error)
		return ERR_PTR(error);
	disk = lkm_bdev_open(dev, mode);
	if (IS_ERR(disk))
		return ERR_CAST(disk);
	s = sget(fs_type, legacy_test_bdev, legacy_set_bdev, flags, disk->part0);
	if (IS_ERR(s)) {
		lkm_bdev_release(disk);
		return ERR_CAST(s);
	}
	if (s->s_root) {
		lkm_bdev_release(disk);
		if ((flags ^ s->s_flags) & SB_RDONLY) {
			deactivate_locked_super(s);
			return ERR_PTR(-EBUSY);
		}
	} else {
		snprintf(s->s_id, sizeof(s->s_id), "%s", disk->disk_name);
		sb_set_blocksize(s, bdev_block_size(s->s_bdev));
		error = fill_super(s, data, flags & SB_SILENT ? 1 : 0);
		if (error) {
			deactivate_locked_super(s);
			return ERR_PTR(error);
		}
		s->s_flags |= SB_ACTIVE;
	}
	return dget(s->s_root);
}
EXPORT_SYMBOL(mount_bdev);

/* The superblock goes, then its buffers are written back and the device is closed. */
void kill_block_super(struct super_block *sb)
{
	struct block_device *bdev = sb->s_bdev;

	generic_shutdown_super(sb);
	if (bdev) {
		sync_blockdev(bdev);
		sb->s_bdev = NULL;
		lkm_bdev_release(bdev->bd_disk);
	}
}
EXPORT_SYMBOL(kill_block_super);
