// SPDX-License-Identifier: GPL-2.0
/*
 * bios (block/bio.c, blk-core.c): setting one up over pages, ending it, and the one I/O path of the
 * device file: a bio over a bounce buffer handed to the driver, as a request (blk-mq) or to its
 * ->submit_bio() (bio-based disks of blk_alloc_disk).
 */
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/bio.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include "blk.h"

#define IO_ORDER	4	/* LKM_BLK_IO_PAGES pages */

void bio_init(struct bio *bio, struct block_device *bdev, struct bio_vec *table, unsigned short max_vecs,
	      blk_opf_t opf)
{
	memset(bio, 0, sizeof(*bio));
	bio->bi_bdev = bdev;
	bio->bi_opf = opf;
	atomic_set(&bio->__bi_remaining, 1);
	atomic_set(&bio->__bi_cnt, 1);
	bio->bi_io_vec = table;
	bio->bi_max_vecs = max_vecs;
}
EXPORT_SYMBOL(bio_init);

/* The page's bytes join the last bvec when they continue it, else take a new one; 0 when full. */
int bio_add_page(struct bio *bio, struct page *page, unsigned int len, unsigned int offset)
{
	if (bio->bi_vcnt) {
		struct bio_vec *bv = &bio->bi_io_vec[bio->bi_vcnt - 1];

		if ((char *)page_address(bv->bv_page) + bv->bv_offset + bv->bv_len ==
		    (char *)page_address(page) + offset) {
			bv->bv_len += len;
			bio->bi_iter.bi_size += len;
			return len;
		}
	}
	if (bio->bi_vcnt >= bio->bi_max_vecs)
		return 0;
	bvec_set_page(&bio->bi_io_vec[bio->bi_vcnt], page, len, offset);
	bio->bi_vcnt++;
	bio->bi_iter.bi_size += len;
	return len;
}
EXPORT_SYMBOL(bio_add_page);

void bio_endio(struct bio *bio)
{
	if (bio->bi_end_io)
		bio->bi_end_io(bio);
}
EXPORT_SYMBOL(bio_endio);

struct lkm_blk_io *lkm_blk_io_alloc(void)
{
	struct lkm_blk_io *io = kzalloc(sizeof(*io), GFP_KERNEL);

	if (!io)
		return NULL;
	io->order = IO_ORDER;
	io->buf = (char *)__get_free_pages(GFP_KERNEL, io->order);
	if (!io->buf) {
		kfree(io);
		return NULL;
	}
	return io;
}

void lkm_blk_io_free(struct lkm_blk_io *io)
{
	if (!io)
		return;
	free_pages((unsigned long)io->buf, io->order);
	kfree(io);
}

static void io_end_io(struct bio *bio)
{
	struct lkm_blk_io *io = container_of(bio, struct lkm_blk_io, bio);

	io->done = true;
	if (io->abandoned)
		lkm_blk_io_free(io);
}

/* A bio-based disk: its ->submit_bio() must end the bio before it returns. */
static int submit_bio_rw(struct gendisk *disk, struct lkm_blk_io *io)
{
	struct bio *bio = &io->bio;

	disk->fops->submit_bio(bio);
	if (!io->done) {
		pr_err_once("%s: bio still in flight after ->submit_bio(); this kernel cannot wait for it\n",
			    disk->disk_name);
		io->abandoned = true;
		return -EIO;
	}
	if (bio->bi_status)
		lkm_blk_print_req_error(disk, bio->bi_iter.bi_sector, bio->bi_opf, bio->bi_vcnt, bio->bi_status);
	return bio->bi_status ? blk_status_to_errno(bio->bi_status) : 0;
}

int lkm_blk_rw(struct gendisk *disk, enum req_op op, sector_t sector, struct lkm_blk_io *io, unsigned int bytes)
{
	struct bio *bio = &io->bio;
	unsigned int off;
	int ret;

	if (!disk_live(disk) || test_bit(QUEUE_FLAG_DYING, &disk->queue->queue_flags))
		return -EIO;
	bio_init(bio, disk->part0, io->bvecs, LKM_BLK_IO_PAGES, op | REQ_SYNC);
	bio->bi_iter.bi_sector = sector;
	bio->bi_end_io = io_end_io;
	/* One bvec per page, as the page cache hands them over. */
	for (off = 0; off < bytes; off += PAGE_SIZE) {
		unsigned int len = min_t(unsigned int, PAGE_SIZE, bytes - off);

		bvec_set_page(&io->bvecs[bio->bi_vcnt++], virt_to_page(io->buf + off), len, 0);
		bio->bi_iter.bi_size += len;
	}
	io->done = false;
	ret = disk->fops->submit_bio ? submit_bio_rw(disk, io) : lkm_blk_mq_rw(disk, io);
	if (!ret)
		lkm_blk_account(disk, op, bytes);
	return ret;
}

void lkm_blk_account(struct gendisk *disk, enum req_op op, unsigned int bytes)
{
	int dir = op_is_write(op) ? WRITE : READ;

	disk->lkm_ios[dir]++;
	disk->lkm_sectors[dir] += bytes >> SECTOR_SHIFT;
}
