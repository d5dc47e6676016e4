/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_BLK_TYPES_H
#define __LINUX_BLK_TYPES_H

/*
 * The block layer's basic types (Linux 6.12): the status of an I/O, the operation codes of a request,
 * the bio, and the block device a disk is opened as.
 */
#include <linux/types.h>
#include <linux/bvec.h>
#include <linux/device.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>

struct bio_set;
struct bio;
struct gendisk;
struct request_queue;
typedef void (bio_end_io_t) (struct bio *);

struct block_device {
	sector_t		bd_start_sect;
	sector_t		bd_nr_sectors;	/* the disk's capacity (set_capacity) */
	struct gendisk		*bd_disk;
	struct request_queue	*bd_queue;
	dev_t			bd_dev;
	u8			bd_partno;
	bool			bd_read_only;	/* read-only policy (set_disk_ro, BLKROSET) */
	atomic_t		bd_openers;
	spinlock_t		bd_size_lock;
	void			*bd_holder;
	struct device		bd_device;	/* /sys/devices/virtual/block/NAME */
};

#define bdev_whole(_bdev) ((_bdev)->bd_disk->part0)
#define dev_to_bdev(device) container_of((device), struct block_device, bd_device)
#define bdev_kobj(_bdev) (&((_bdev)->bd_device.kobj))

typedef u8 __bitwise blk_status_t;
typedef u16 blk_short_t;
#define	BLK_STS_OK 0
#define BLK_STS_NOTSUPP		((__force blk_status_t)1)
#define BLK_STS_TIMEOUT		((__force blk_status_t)2)
#define BLK_STS_NOSPC		((__force blk_status_t)3)
#define BLK_STS_TRANSPORT	((__force blk_status_t)4)
#define BLK_STS_TARGET		((__force blk_status_t)5)
#define BLK_STS_RESV_CONFLICT	((__force blk_status_t)6)
#define BLK_STS_MEDIUM		((__force blk_status_t)7)
#define BLK_STS_PROTECTION	((__force blk_status_t)8)
#define BLK_STS_RESOURCE	((__force blk_status_t)9)
#define BLK_STS_IOERR		((__force blk_status_t)10)
#define BLK_STS_DM_REQUEUE	((__force blk_status_t)11)
#define BLK_STS_AGAIN		((__force blk_status_t)12)
#define BLK_STS_DEV_RESOURCE	((__force blk_status_t)13)
#define BLK_STS_ZONE_OPEN_RESOURCE	((__force blk_status_t)14)
#define BLK_STS_ZONE_ACTIVE_RESOURCE	((__force blk_status_t)15)
#define BLK_STS_OFFLINE		((__force blk_status_t)16)
#define BLK_STS_DURATION_LIMIT	((__force blk_status_t)17)
#define BLK_STS_INVAL		((__force blk_status_t)19)

/* blk_path_error(): whether another path to the device could succeed where this one failed. */
static inline bool blk_path_error(blk_status_t error)
{
	switch (error) {
	case BLK_STS_NOTSUPP:
	case BLK_STS_NOSPC:
	case BLK_STS_TARGET:
	case BLK_STS_RESV_CONFLICT:
	case BLK_STS_MEDIUM:
	case BLK_STS_PROTECTION:
		return false;
	}
	return true;
}

typedef __u32 __bitwise blk_opf_t;
typedef unsigned int blk_qc_t;

/* The operation is the low 8 bits of opf; odd operations write (op_is_write). */
#define REQ_OP_BITS	8
#define REQ_OP_MASK	(__force blk_opf_t)((1 << REQ_OP_BITS) - 1)
#define REQ_FLAG_BITS	24

enum req_op {
	REQ_OP_READ		= (__force blk_opf_t)0,
	REQ_OP_WRITE		= (__force blk_opf_t)1,
	REQ_OP_FLUSH		= (__force blk_opf_t)2,
	REQ_OP_DISCARD		= (__force blk_opf_t)3,
	REQ_OP_SECURE_ERASE	= (__force blk_opf_t)5,
	REQ_OP_ZONE_APPEND	= (__force blk_opf_t)7,
	REQ_OP_WRITE_ZEROES	= (__force blk_opf_t)9,
	REQ_OP_ZONE_OPEN	= (__force blk_opf_t)10,
	REQ_OP_ZONE_CLOSE	= (__force blk_opf_t)11,
	REQ_OP_ZONE_FINISH	= (__force blk_opf_t)12,
	REQ_OP_ZONE_RESET	= (__force blk_opf_t)13,
	REQ_OP_ZONE_RESET_ALL	= (__force blk_opf_t)15,
	REQ_OP_DRV_IN		= (__force blk_opf_t)34,
	REQ_OP_DRV_OUT		= (__force blk_opf_t)35,
	REQ_OP_LAST		= (__force blk_opf_t)36,
};

enum req_flag_bits {
	__REQ_FAILFAST_DEV = REQ_OP_BITS,
	__REQ_FAILFAST_TRANSPORT,
	__REQ_FAILFAST_DRIVER,
	__REQ_SYNC,
	__REQ_META,
	__REQ_PRIO,
	__REQ_NOMERGE,
	__REQ_IDLE,
	__REQ_INTEGRITY,
	__REQ_FUA,
	__REQ_PREFLUSH,
	__REQ_RAHEAD,
	__REQ_BACKGROUND,
	__REQ_NOWAIT,
	__REQ_POLLED,
	__REQ_ALLOC_CACHE,
	__REQ_SWAP,
	__REQ_DRV,
	__REQ_FS_PRIVATE,
	__REQ_ATOMIC,
	__REQ_NOUNMAP,
	__REQ_NR_BITS,
};

#define REQ_FAILFAST_DEV	(__force blk_opf_t)(1ULL << __REQ_FAILFAST_DEV)
#define REQ_SYNC		(__force blk_opf_t)(1ULL << __REQ_SYNC)
#define REQ_META		(__force blk_opf_t)(1ULL << __REQ_META)
#define REQ_PRIO		(__force blk_opf_t)(1ULL << __REQ_PRIO)
#define REQ_NOMERGE		(__force blk_opf_t)(1ULL << __REQ_NOMERGE)
#define REQ_IDLE		(__force blk_opf_t)(1ULL << __REQ_IDLE)
#define REQ_FUA			(__force blk_opf_t)(1ULL << __REQ_FUA)
#define REQ_PREFLUSH		(__force blk_opf_t)(1ULL << __REQ_PREFLUSH)
#define REQ_RAHEAD		(__force blk_opf_t)(1ULL << __REQ_RAHEAD)
#define REQ_BACKGROUND		(__force blk_opf_t)(1ULL << __REQ_BACKGROUND)
#define REQ_NOWAIT		(__force blk_opf_t)(1ULL << __REQ_NOWAIT)
#define REQ_NOUNMAP		(__force blk_opf_t)(1ULL << __REQ_NOUNMAP)

static inline bool op_is_write(blk_opf_t op)
{
	return !!(op & (__force blk_opf_t)1);
}

static inline bool op_is_flush(blk_opf_t op)
{
	return op & (REQ_FUA | REQ_PREFLUSH);
}

static inline bool op_is_sync(blk_opf_t op)
{
	return (op & REQ_OP_MASK) == REQ_OP_READ || (op & (REQ_SYNC | REQ_FUA | REQ_PREFLUSH));
}

static inline bool op_is_discard(blk_opf_t op)
{
	return (op & REQ_OP_MASK) == REQ_OP_DISCARD;
}

/* The block layer's I/O unit: a range of sectors and the pages it reads into or writes from. */
struct bio {
	struct bio		*bi_next;
	struct block_device	*bi_bdev;
	blk_opf_t		bi_opf;
	unsigned short		bi_flags;
	unsigned short		bi_ioprio;
	blk_status_t		bi_status;
	atomic_t		__bi_remaining;
	struct bvec_iter	bi_iter;
	bio_end_io_t		*bi_end_io;
	void			*bi_private;
	unsigned short		bi_vcnt;	/* how many bio_vec's */
	unsigned short		bi_max_vecs;	/* max bvl_vecs we can hold */
	atomic_t		__bi_cnt;	/* pin count */
	struct bio_vec		*bi_io_vec;	/* the actual vec list */
	struct bio_set		*bi_pool;
};

static inline enum req_op bio_op(const struct bio *bio)
{
	return bio->bi_opf & REQ_OP_MASK;
}

#endif /* __LINUX_BLK_TYPES_H */
