// SPDX-License-Identifier: GPL-2.0
/*
 * The device file of a block device (block/fops.c, block/ioctl.c): open and release through the
 * disk's block_device_operations, reads and writes at any offset and length carried out in whole
 * pages (a partial page is read, patched and written back, as the page cache would do), lseek within
 * the capacity, and the BLK* / HDIO_GETGEO ioctls.
 */
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/capability.h>
#include <linux/slab.h>
#include "blk.h"

static blk_mode_t file_to_blk_mode(struct file *file)
{
	blk_mode_t mode = 0;

	if (file->f_mode & FMODE_READ)
		mode |= BLK_OPEN_READ;
	if (file->f_mode & FMODE_WRITE)
		mode |= BLK_OPEN_WRITE;
	if (file->f_flags & O_EXCL)
		mode |= BLK_OPEN_EXCL;
	if (file->f_flags & O_NDELAY)
		mode |= BLK_OPEN_NDELAY;
	return mode;
}

/*
 * bdev_open(): the live disk with number @devt, opened through its fops (asking modprobe for
 * "block-major-M-N" when nobody serves it, as Linux does), holding the driver's module. ENXIO when
 * there is no disk, also after del_gendisk.
 */
struct gendisk *lkm_bdev_open(dev_t devt, blk_mode_t mode)
{
	struct gendisk *disk = lkm_disk_get_by_devt(devt);
	int ret = 0;

	if (!disk) {
		lkm_blk_request_module(devt);
		disk = lkm_disk_get_by_devt(devt);
	}
	if (!disk)
		return ERR_PTR(-ENXIO);
	if (!try_module_get(disk->fops->owner)) {
		lkm_disk_put(disk);
		return ERR_PTR(-ENXIO);
	}
	mutex_lock(&disk->open_mutex);
	if (!disk_live(disk))
		ret = -ENXIO;
	else if (disk->fops->open)
		ret = disk->fops->open(disk, mode);
	if (!ret)
		atomic_inc(&disk->part0->bd_openers);
	mutex_unlock(&disk->open_mutex);
	if (ret) {
		module_put(disk->fops->owner);
		lkm_disk_put(disk);
		return ERR_PTR(ret);
	}
	return disk;
}

void lkm_bdev_release(struct gendisk *disk)
{
	struct module *owner = disk->fops->owner;

	mutex_lock(&disk->open_mutex);
	atomic_dec(&disk->part0->bd_openers);
	if (disk->fops->release)
		disk->fops->release(disk);
	mutex_unlock(&disk->open_mutex);
	lkm_disk_put(disk);
	module_put(owner);
}

static int blkdev_open(struct inode *inode, struct file *file)
{
	struct gendisk *disk = lkm_bdev_open(inode->i_rdev, file_to_blk_mode(file));

	if (IS_ERR(disk))
		return PTR_ERR(disk);
	inode->i_size = bdev_nr_bytes(disk->part0);
	file->private_data = disk;
	file->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	return 0;
}

static int blkdev_release(struct inode *inode, struct file *file)
{
	lkm_bdev_release(file->private_data);
	return 0;
}

/* The pages of one request: as many as the queue's limits let one request carry. */
static unsigned int io_bytes(struct gendisk *disk)
{
	struct queue_limits *lim = &disk->queue->limits;
	unsigned int pages = LKM_BLK_IO_PAGES;

	pages = min_t(unsigned int, pages, max(lim->max_sectors >> PAGE_SECTORS_SHIFT, 1u));
	pages = min_t(unsigned int, pages, max_t(unsigned int, lim->max_segments, 1));
	return pages * PAGE_SIZE;
}

static void io_put(struct lkm_blk_io *io)
{
	if (!io->abandoned)
		lkm_blk_io_free(io);
}

/*
 * Moves @count bytes at *@ppos between the user and the disk, a page-aligned window at a time.
 * A write that covers only part of the window reads the window first. A window that fails to read
 * is tried again as single pages, so the pages before a bad sector still read.
 */
static ssize_t blkdev_rw(struct file *file, char __user *ubuf, size_t count, loff_t *ppos, bool write)
{
	struct gendisk *disk = file->private_data;
	loff_t size = bdev_nr_bytes(disk->part0), pos = *ppos;
	unsigned int window = io_bytes(disk);
	struct lkm_blk_io *io;
	ssize_t done = 0;
	int ret = 0;

	if (pos < 0)
		return -EINVAL;
	if (write && bdev_read_only(disk->part0))
		return -EPERM;
	if (pos >= size)
		return write && count ? -ENOSPC : 0;
	count = min_t(loff_t, count, size - pos);
	io = lkm_blk_io_alloc();
	if (!io)
		return -ENOMEM;
	while (count) {
		loff_t start = pos & ~(loff_t)(PAGE_SIZE - 1);
		unsigned int off = pos - start;
		unsigned int len = min_t(loff_t, window, size - start);
		unsigned int n = min_t(size_t, count, len - off);
		sector_t sector = start >> SECTOR_SHIFT;

		if (!write || off || n < len) {
			ret = lkm_blk_rw(disk, REQ_OP_READ, sector, io, len);
			/* As the page cache after a failed readahead: once more with just this page. */
			if (ret && len > PAGE_SIZE && !io->abandoned) {
				window = PAGE_SIZE;
				ret = 0;
				continue;
			}
			if (ret)
				break;
		}
		if (write ? copy_from_user(io->buf + off, ubuf + done, n) : copy_to_user(ubuf + done, io->buf + off, n)) {
			ret = -EFAULT;
			break;
		}
		if (write) {
			ret = lkm_blk_rw(disk, REQ_OP_WRITE, sector, io, len);
			if (ret)
				break;
		}
		done += n;
		pos += n;
		count -= n;
		if (io->abandoned)
			break;
	}
	if (io->abandoned) {
		done = 0;
		ret = -EIO;
	} else {
		io_put(io);
	}
	*ppos = pos;
	return done ?: ret;
}

static ssize_t blkdev_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return blkdev_rw(file, buf, count, ppos, false);
}

static ssize_t blkdev_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	return blkdev_rw(file, (char __user *)buf, count, ppos, true);
}

static loff_t blkdev_llseek(struct file *file, loff_t offset, int whence)
{
	struct gendisk *disk = file->private_data;

	return fixed_size_llseek(file, offset, whence, bdev_nr_bytes(disk->part0));
}

/* Writes reach the driver before write(2) returns: nothing is left to flush. */
static int blkdev_fsync(struct file *file, loff_t start, loff_t end, int datasync)
{
	(void)file; (void)start; (void)end; (void)datasync;
	return 0;
}

static int blkdev_getgeo(struct gendisk *disk, struct hd_geometry __user *argp)
{
	struct hd_geometry geo;
	int ret;

	if (!argp)
		return -EINVAL;
	if (!disk->fops->getgeo)
		return -ENOTTY;
	memset(&geo, 0, sizeof(geo));
	geo.start = 0;
	ret = disk->fops->getgeo(disk->part0, &geo);
	if (ret)
		return ret;
	return copy_to_user(argp, &geo, sizeof(geo)) ? -EFAULT : 0;
}

static int blkdev_roset(struct gendisk *disk, unsigned long arg)
{
	int ret, n;

	if (!capable(CAP_SYS_ADMIN))
		return -EACCES;
	if (get_user(n, (int __user *)arg))
		return -EFAULT;
	if (disk->fops->set_read_only) {
		ret = disk->fops->set_read_only(disk->part0, n);
		if (ret)
			return ret;
	}
	disk->part0->bd_read_only = n;
	return 0;
}

/* blkdev_ioctl(): the generic block ioctls, then the driver's. */
static long blkdev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct gendisk *disk = file->private_data;
	struct block_device *bdev = disk->part0;
	struct request_queue *q = disk->queue;
	void __user *argp = (void __user *)arg;
	int ret;

	switch (cmd) {
	case BLKROSET:
		return blkdev_roset(disk, arg);
	case BLKROGET:
		return put_user(bdev_read_only(bdev) != 0, (int __user *)argp);
	case BLKGETSIZE:
		if (bdev_nr_sectors(bdev) > ~0UL)
			return -EFBIG;
		return put_user((unsigned long)bdev_nr_sectors(bdev), (unsigned long __user *)argp);
	case BLKGETSIZE64: {
		u64 bytes = bdev_nr_bytes(bdev);

		return copy_to_user(argp, &bytes, sizeof(bytes)) ? -EFAULT : 0;
	}
	case BLKSSZGET:
		return put_user((int)queue_logical_block_size(q), (int __user *)argp);
	case BLKPBSZGET:
		return put_user(queue_physical_block_size(q), (unsigned int __user *)argp);
	case BLKIOMIN:
		return put_user(q->limits.io_min, (unsigned int __user *)argp);
	case BLKIOOPT:
		return put_user(q->limits.io_opt, (unsigned int __user *)argp);
	case BLKALIGNOFF:
		return put_user((int)q->limits.alignment_offset, (int __user *)argp);
	case BLKBSZGET:
		return put_user((int)max_t(unsigned int, queue_logical_block_size(q), 1024u), (int __user *)argp);
	case BLKGETDISKSEQ: {
		u64 seq = disk->diskseq;

		return copy_to_user(argp, &seq, sizeof(seq)) ? -EFAULT : 0;
	}
	case BLKFLSBUF:
		return capable(CAP_SYS_ADMIN) ? 0 : -EACCES;
	case BLKRRPART:
		if (!capable(CAP_SYS_ADMIN))
			return -EACCES;
		return disk->minors > 1 ? 0 : -EINVAL;
	case HDIO_GETGEO:
		return blkdev_getgeo(disk, argp);
	}
	if (!disk->fops->ioctl)
		return -ENOTTY;
	ret = disk->fops->ioctl(bdev, file_to_blk_mode(file), cmd, arg);
	return ret == -ENOIOCTLCMD ? -ENOTTY : ret;
}

const struct file_operations def_blk_fops = {
	.open		= blkdev_open,
	.release	= blkdev_release,
	.llseek		= blkdev_llseek,
	.read		= blkdev_read,
	.write		= blkdev_write,
	.fsync		= blkdev_fsync,
	.unlocked_ioctl	= blkdev_ioctl,
};
