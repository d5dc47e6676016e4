// SPDX-License-Identifier: GPL-2.0
/*
 * blkram: a RAM-backed blk-mq disk. register_blkdev() gets a major, a one-queue tag set carries the
 * requests, ->queue_rq() copies each segment to or from the RAM, and add_disk() makes /dev/blkram,
 * /sys/block/blkram and its line in /proc/partitions.
 *
 *   insmod blkram.ko [capacity_mb=N]
 *   dd if=/dev/zero of=/dev/blkram bs=4k count=8
 *   od -A x -t x1z /dev/blkram
 */
#include <linux/module.h>
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/bio.h>
#include <linux/hdreg.h>
#include <linux/vmalloc.h>
#include <linux/highmem.h>

static unsigned long capacity_mb = 1;
module_param(capacity_mb, ulong, 0444);
MODULE_PARM_DESC(capacity_mb, "capacity of the disk in MiB (1 to 64)");

#define BLKRAM_NAME	"blkram"

struct blkram_dev {
	int major;
	sector_t capacity;		/* in sectors */
	u8 *data;
	struct blk_mq_tag_set tag_set;
	struct gendisk *disk;
	unsigned int opens;
};

static struct blkram_dev blkram;

static blk_status_t blkram_queue_rq(struct blk_mq_hw_ctx *hctx, const struct blk_mq_queue_data *bd)
{
	struct request *rq = bd->rq;
	struct blkram_dev *dev = hctx->queue->queuedata;
	loff_t pos = (loff_t)blk_rq_pos(rq) << SECTOR_SHIFT;
	loff_t end = pos + blk_rq_bytes(rq);
	struct req_iterator iter;
	struct bio_vec bv;
	blk_status_t err = BLK_STS_OK;

	blk_mq_start_request(rq);
	if (end > (loff_t)dev->capacity << SECTOR_SHIFT) {
		err = BLK_STS_IOERR;
		goto out;
	}
	rq_for_each_segment(bv, rq, iter) {
		void *buf = kmap_local_page(bv.bv_page) + bv.bv_offset;

		if (rq_data_dir(rq) == WRITE)
			memcpy(dev->data + pos, buf, bv.bv_len);
		else
			memcpy(buf, dev->data + pos, bv.bv_len);
		kunmap_local(buf);
		pos += bv.bv_len;
	}
out:
	blk_mq_end_request(rq, err);
	return BLK_STS_OK;
}

static const struct blk_mq_ops blkram_mq_ops = {
	.queue_rq	= blkram_queue_rq,
};

static int blkram_open(struct gendisk *disk, blk_mode_t mode)
{
	struct blkram_dev *dev = disk->private_data;

	dev->opens++;
	return 0;
}

static void blkram_release(struct gendisk *disk)
{
	struct blkram_dev *dev = disk->private_data;

	dev->opens--;
}

/* A made-up geometry: 64 heads, 32 sectors a track (what ram disks and fdisk settle on). */
static int blkram_getgeo(struct block_device *bdev, struct hd_geometry *geo)
{
	geo->heads = 64;
	geo->sectors = 32;
	geo->cylinders = get_capacity(bdev->bd_disk) / (64 * 32);
	return 0;
}

static const struct block_device_operations blkram_fops = {
	.owner		= THIS_MODULE,
	.open		= blkram_open,
	.release	= blkram_release,
	.getgeo		= blkram_getgeo,
};

static int __init blkram_init(void)
{
	struct queue_limits lim = {
		.logical_block_size	= SECTOR_SIZE,
		.physical_block_size	= PAGE_SIZE,
	};
	int ret;

	if (capacity_mb < 1 || capacity_mb > 64) {
		pr_err("blkram: capacity_mb=%lu out of range (1 to 64)\n", capacity_mb);
		return -EINVAL;
	}
	blkram.capacity = (sector_t)capacity_mb << (20 - SECTOR_SHIFT);
	blkram.data = vzalloc(capacity_mb << 20);
	if (!blkram.data)
		return -ENOMEM;

	ret = register_blkdev(0, BLKRAM_NAME);
	if (ret < 0)
		goto out_free;
	blkram.major = ret;

	ret = blk_mq_alloc_sq_tag_set(&blkram.tag_set, &blkram_mq_ops, 64, BLK_MQ_F_SHOULD_MERGE);
	if (ret)
		goto out_unregister;

	blkram.disk = blk_mq_alloc_disk(&blkram.tag_set, &lim, &blkram);
	if (IS_ERR(blkram.disk)) {
		ret = PTR_ERR(blkram.disk);
		goto out_tags;
	}
	blkram.disk->major = blkram.major;
	blkram.disk->first_minor = 0;
	blkram.disk->minors = 1;
	blkram.disk->fops = &blkram_fops;
	blkram.disk->private_data = &blkram;
	strscpy(blkram.disk->disk_name, BLKRAM_NAME, DISK_NAME_LEN);
	set_capacity(blkram.disk, blkram.capacity);

	ret = add_disk(blkram.disk);
	if (ret)
		goto out_disk;
	pr_info("blkram: %lu MiB disk, major %d\n", capacity_mb, blkram.major);
	return 0;

out_disk:
	put_disk(blkram.disk);
out_tags:
	blk_mq_free_tag_set(&blkram.tag_set);
out_unregister:
	unregister_blkdev(blkram.major, BLKRAM_NAME);
out_free:
	vfree(blkram.data);
	return ret;
}

static void __exit blkram_exit(void)
{
	del_gendisk(blkram.disk);
	put_disk(blkram.disk);
	blk_mq_free_tag_set(&blkram.tag_set);
	unregister_blkdev(blkram.major, BLKRAM_NAME);
	vfree(blkram.data);
	pr_info("blkram: removed\n");
}

module_init(blkram_init);
module_exit(blkram_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A RAM-backed blk-mq block device");
