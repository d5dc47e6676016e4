/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of the block layer share (block/blk.h): the list of added disks, the sysfs
 * directories disks appear in, and the request path the device file's reads and writes take.
 */
#ifndef _LKM_BLOCK_BLK_H
#define _LKM_BLOCK_BLK_H

#include <linux/blkdev.h>
#include <linux/blk-mq.h>

/* /sys/block, /sys/dev/block, /sys/devices/virtual/block (made at boot). */
extern struct kobject *lkm_sys_block, *lkm_sys_dev_block, *lkm_virtual_block;

/* The added, live disk with number @devt with a reference (put with lkm_disk_put), or NULL. */
struct gendisk *lkm_disk_get_by_devt(dev_t devt);
void lkm_disk_get(struct gendisk *disk);
dev_t lkm_disk_devt_by_name(const char *name);
void lkm_disk_put(struct gendisk *disk);

/* The disk's kobject type (blk-sysfs.c): its attributes, and the release that frees the disk. */
extern const struct kobj_type lkm_disk_ktype;
int lkm_disk_sysfs_add(struct gendisk *disk, const struct attribute_group **groups);
void lkm_disk_sysfs_del(struct gendisk *disk);
void lkm_disk_release(struct gendisk *disk);

/* A queue without blk-mq (bio-based disks of blk_alloc_disk) and the limits' defaults. */
struct request_queue *lkm_alloc_queue(struct queue_limits *lim, int node);
int lkm_validate_limits(struct queue_limits *lim);
void lkm_blk_mq_release_queue(struct request_queue *q);

/*
 * One I/O of the device file: @op on @bytes at @sector from/into io->buf, as a request (blk-mq) or a
 * bio (submit_bio). 0 or a negative errno; io->abandoned when a driver kept it (then not the caller's).
 */


/* One bio over whole pages of a bounce buffer; owned by a request a driver kept past ->queue_rq(). */
#define LKM_BLK_IO_PAGES	16
struct lkm_blk_io {
	struct bio bio;
	struct bio_vec bvecs[LKM_BLK_IO_PAGES];
	char *buf;
	unsigned int order;
	bool abandoned;
	bool done;
};
void lkm_blk_io_free(struct lkm_blk_io *io);
int lkm_blk_mq_rw(struct gendisk *disk, struct lkm_blk_io *io);
struct lkm_blk_io *lkm_blk_io_alloc(void);
int lkm_blk_rw(struct gendisk *disk, enum req_op op, sector_t sector, struct lkm_blk_io *io, unsigned int bytes);
void lkm_blk_request_module(dev_t devt);

/* Opening a disk as the device file and block device mounts do (block/fops.c). */
struct gendisk *lkm_bdev_open(dev_t devt, blk_mode_t mode);
void lkm_bdev_release(struct gendisk *disk);
/* @len bytes at @pos within one page of the disk, to or from a kernel buffer (read-modify-write). */
int lkm_bdev_rw_kernel(struct gendisk *disk, loff_t pos, void *buf, size_t len, bool write);
void lkm_blk_account(struct gendisk *disk, enum req_op op, unsigned int bytes);
void lkm_blk_print_req_error(struct gendisk *disk, sector_t sector, blk_opf_t opf, unsigned int segs,
			     blk_status_t status);

#endif /* _LKM_BLOCK_BLK_H */
