/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BLKDEV_H
#define _LINUX_BLKDEV_H

/*
 * Block devices (Linux 6.12's linux/blkdev.h, which took in genhd.h): the gendisk a driver registers,
 * its request queue and limits, block_device_operations, and the major numbers of register_blkdev().
 * The block layer itself is wasm/block/.
 */
#include <linux/types.h>
#include <linux/stringify.h>
#include <linux/blk_types.h>
#include <linux/device.h>
#include <linux/list.h>
#include <linux/bitops.h>
#include <linux/kdev_t.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/fs.h>
#include <linux/bio.h>
#include <linux/hdreg.h>
#include <uapi/linux/fs.h>

struct module;
struct request;
struct blk_mq_tag_set;
struct blk_mq_ops;
struct blk_mq_hw_ctx;
struct hd_geometry;
struct io_comp_batch;

#define SECTOR_SHIFT 9
#define SECTOR_SIZE (1 << SECTOR_SHIFT)
#define PAGE_SECTORS_SHIFT	(PAGE_SHIFT - SECTOR_SHIFT)
#define PAGE_SECTORS		(1 << PAGE_SECTORS_SHIFT)
#define SECTOR_MASK		(PAGE_SECTORS - 1)

#define BLKDEV_MAJOR_MAX	512
#define BLOCK_EXT_MAJOR		259
#define DISK_MAX_PARTS		256
#define DISK_NAME_LEN		32
#define BDEVNAME_SIZE		32

/* blk_mode_t: how a block device is opened (the open and ioctl methods get it). */
typedef unsigned int __bitwise blk_mode_t;
#define BLK_OPEN_READ		((__force blk_mode_t)(1 << 0))
#define BLK_OPEN_WRITE		((__force blk_mode_t)(1 << 1))
#define BLK_OPEN_EXCL		((__force blk_mode_t)(1 << 2))
#define BLK_OPEN_NDELAY		((__force blk_mode_t)(1 << 3))
#define BLK_OPEN_WRITE_IOCTL	((__force blk_mode_t)(1 << 4))

enum {
	GENHD_FL_REMOVABLE	= 1 << 0,
	GENHD_FL_HIDDEN		= 1 << 1,
	GENHD_FL_NO_PART	= 1 << 2,
};

/* disk->state bits. */
#define GD_NEED_PART_SCAN	0
#define GD_READ_ONLY		1
#define GD_DEAD			2
#define GD_ADDED		4

struct gendisk {
	/* major, first_minor and minors are input parameters only, don't use directly. */
	int major;
	int first_minor;
	int minors;

	char disk_name[DISK_NAME_LEN];	/* name of major driver */

	unsigned short events;		/* supported events */
	unsigned short event_flags;	/* flags related to event processing */

	struct block_device *part0;

	const struct block_device_operations *fops;
	struct request_queue *queue;
	void *private_data;

	int flags;
	unsigned long state;
	struct mutex open_mutex;	/* open/close mutex */
	unsigned open_partitions;	/* number of open partitions */

	int node_id;
	u64 diskseq;
	blk_mode_t open_mode;

	/* The block layer's own: the list of added disks, sysfs directories, I/O counts (stat). */
	struct list_head lkm_node;
	struct kobject *lkm_queue_kobj, *lkm_holders_kobj, *lkm_slaves_kobj;
	unsigned long lkm_ios[2];
	unsigned long lkm_sectors[2];
};

#define dev_to_disk(device)	(dev_to_bdev(device)->bd_disk)
extern const struct class block_class;

/* The size limits a driver gives blk_mq_alloc_disk(); zeroes get the block layer's defaults. */
struct queue_limits {
	unsigned int		features;
	unsigned int		flags;
	unsigned long		seg_boundary_mask;
	unsigned long		virt_boundary_mask;

	unsigned int		max_hw_sectors;
	unsigned int		max_dev_sectors;
	unsigned int		chunk_sectors;
	unsigned int		max_sectors;
	unsigned int		max_user_sectors;
	unsigned int		max_segment_size;
	unsigned int		physical_block_size;
	unsigned int		logical_block_size;
	unsigned int		alignment_offset;
	unsigned int		io_min;
	unsigned int		io_opt;
	unsigned int		max_discard_sectors;
	unsigned int		max_hw_discard_sectors;
	unsigned int		max_user_discard_sectors;
	unsigned int		max_secure_erase_sectors;
	unsigned int		max_write_zeroes_sectors;
	unsigned int		discard_granularity;
	unsigned int		discard_alignment;
	unsigned int		zone_write_granularity;

	unsigned short		max_segments;
	unsigned short		max_integrity_segments;
	unsigned short		max_discard_segments;

	unsigned int		max_open_zones;
	unsigned int		max_active_zones;
	unsigned int		dma_alignment;
};

/* queue_limits.features (6.12's BLK_FEAT_*). */
#define BLK_FEAT_WRITE_CACHE		((__force unsigned int)(1u << 0))
#define BLK_FEAT_FUA			((__force unsigned int)(1u << 1))
#define BLK_FEAT_ROTATIONAL		((__force unsigned int)(1u << 2))
#define BLK_FEAT_ADD_RANDOM		((__force unsigned int)(1u << 3))
#define BLK_FEAT_IO_STAT		((__force unsigned int)(1u << 4))
#define BLK_FEAT_STABLE_WRITES		((__force unsigned int)(1u << 5))
#define BLK_FEAT_SYNCHRONOUS		((__force unsigned int)(1u << 6))
#define BLK_FEAT_NOWAIT			((__force unsigned int)(1u << 7))
#define BLK_FEAT_DAX			((__force unsigned int)(1u << 8))
#define BLK_FEAT_POLL			((__force unsigned int)(1u << 9))
#define BLK_FEAT_ZONED			((__force unsigned int)(1u << 10))

#define BLK_DEF_MAX_SECTORS_CAP	2560u
#define BLK_SAFE_MAX_SECTORS	255u
#define BLK_MAX_SEGMENTS	128
#define BLK_MAX_SEGMENT_SIZE	65536
#define BLK_SEG_BOUNDARY_MASK	0xFFFFFFFFUL

struct request_queue {
	void			*queuedata;
	struct queue_limits	limits;
	const struct blk_mq_ops	*mq_ops;
	struct blk_mq_tag_set	*tag_set;
	struct gendisk		*disk;
	struct blk_mq_hw_ctx	**queue_hw_ctx;
	unsigned int		nr_hw_queues;
	unsigned int		nr_requests;
	unsigned long		queue_flags;
	unsigned int		rq_timeout;
	atomic_t		refs;
	int			quiesce_depth;
	int			node;
	struct list_head	tag_set_list;
	/* Requests whose queue_rq said BLK_STS_RESOURCE, run again with the queue (the dispatch list). */
	struct list_head	requeue_list;
};

#define QUEUE_FLAG_DYING	1
#define QUEUE_FLAG_NOMERGES	3
#define QUEUE_FLAG_QUIESCED	24

static inline unsigned int queue_logical_block_size(const struct request_queue *q)
{
	return q->limits.logical_block_size;
}

static inline unsigned int queue_physical_block_size(const struct request_queue *q)
{
	return q->limits.physical_block_size;
}

static inline unsigned int queue_max_hw_sectors(const struct request_queue *q)
{
	return q->limits.max_hw_sectors;
}

static inline unsigned int queue_max_sectors(const struct request_queue *q)
{
	return q->limits.max_sectors;
}

static inline unsigned short queue_max_segments(const struct request_queue *q)
{
	return q->limits.max_segments;
}

static inline unsigned int bdev_logical_block_size(struct block_device *bdev)
{
	return queue_logical_block_size(bdev->bd_queue);
}

static inline struct request_queue *bdev_get_queue(struct block_device *bdev)
{
	return bdev->bd_queue;
}

static inline sector_t get_capacity(struct gendisk *disk)
{
	return disk->part0->bd_nr_sectors;
}

static inline sector_t bdev_nr_sectors(struct block_device *bdev)
{
	return bdev->bd_nr_sectors;
}

static inline loff_t bdev_nr_bytes(struct block_device *bdev)
{
	return (loff_t)bdev_nr_sectors(bdev) << SECTOR_SHIFT;
}

static inline dev_t disk_devt(struct gendisk *disk)
{
	return disk->part0->bd_dev;
}

static inline struct device *disk_to_dev(struct gendisk *disk)
{
	return &disk->part0->bd_device;
}

static inline int get_disk_ro(struct gendisk *disk)
{
	return disk->part0->bd_read_only || test_bit(GD_READ_ONLY, &disk->state);
}

static inline int bdev_read_only(struct block_device *bdev)
{
	return bdev->bd_read_only || get_disk_ro(bdev->bd_disk);
}

static inline bool disk_live(struct gendisk *disk)
{
	return test_bit(GD_ADDED, &disk->state) && !test_bit(GD_DEAD, &disk->state);
}

void set_capacity(struct gendisk *disk, sector_t size);
bool set_capacity_and_notify(struct gendisk *disk, sector_t size);
void set_disk_ro(struct gendisk *disk, bool read_only);

int __must_check device_add_disk(struct device *parent, struct gendisk *disk,
				 const struct attribute_group **groups);
static inline int __must_check add_disk(struct gendisk *disk)
{
	return device_add_disk(NULL, disk, NULL);
}
void del_gendisk(struct gendisk *gp);
void put_disk(struct gendisk *disk);
struct gendisk *__blk_alloc_disk(struct queue_limits *lim, int node);
#define blk_alloc_disk(lim, node_id) __blk_alloc_disk(lim, node_id)

/* The aliases modprobe finds a driver by when its block numbers are opened (lkm_blk_request_module). */
#define MODULE_ALIAS_BLOCKDEV(major,minor) \
	MODULE_ALIAS("block-major-" __stringify(major) "-" __stringify(minor))
#define MODULE_ALIAS_BLOCKDEV_MAJOR(major) \
	MODULE_ALIAS("block-major-" __stringify(major) "-*")

int __register_blkdev(unsigned int major, const char *name, void (*probe)(dev_t devt));
#define register_blkdev(major, name) __register_blkdev(major, name, NULL)
void unregister_blkdev(unsigned int major, const char *name);

void blk_put_queue(struct request_queue *q);

struct block_device_operations {
	void (*submit_bio)(struct bio *bio);
	int (*poll_bio)(struct bio *bio, struct io_comp_batch *iob, unsigned int flags);
	int (*open)(struct gendisk *disk, blk_mode_t mode);
	void (*release)(struct gendisk *disk);
	int (*ioctl)(struct block_device *bdev, blk_mode_t mode, unsigned cmd, unsigned long arg);
	int (*compat_ioctl)(struct block_device *bdev, blk_mode_t mode, unsigned cmd, unsigned long arg);
	unsigned int (*check_events)(struct gendisk *disk, unsigned int clearing);
	void (*unlock_native_capacity)(struct gendisk *);
	int (*getgeo)(struct block_device *, struct hd_geometry *);
	int (*set_read_only)(struct block_device *bdev, bool ro);
	void (*free_disk)(struct gendisk *disk);
	void (*swap_slot_free_notify)(struct block_device *, unsigned long);
	int (*report_zones)(struct gendisk *, sector_t sector, unsigned int nr_zones, void *cb, void *data);
	char *(*devnode)(struct gendisk *disk, umode_t *mode);
	int (*get_unique_id)(struct gendisk *disk, u8 id[16], int type);
	struct module *owner;
	const void *pr_ops;
	int (*alternative_gpt_sector)(struct gendisk *disk, sector_t *sector);
};

/* The device file of a block device (def_blk_fops; wasm/block/fops.c). */
extern const struct file_operations def_blk_fops;

#endif /* _LINUX_BLKDEV_H */
