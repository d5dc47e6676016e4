// SPDX-License-Identifier: GPL-2.0
/*
 * blk-mq (block/blk-mq.c, blk-mq-tag.c, blk-settings.c): tag sets and their request pools, request
 * queues with their hardware contexts and limits, and running one request through the driver's
 * ->queue_rq(). A system call cannot wait here for a device, so the driver must end the request
 * before ->queue_rq() returns, or from ->complete() through blk_mq_complete_request() (as a ram disk
 * or null_blk do); a request still in flight after that fails with EIO.
 */
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/slab.h>
#include <linux/bitmap.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/jiffies.h>
#include "blk.h"

/* How often a request ->queue_rq() turned away (BLK_STS_RESOURCE, requeued) is offered again. */
#define REDISPATCH_LIMIT	8

static const struct {
	int		errno;
	const char	*name;
} blk_errors[] = {
	[BLK_STS_OK]		= { 0,		"" },
	[BLK_STS_NOTSUPP]	= { -EOPNOTSUPP, "operation not supported" },
	[BLK_STS_TIMEOUT]	= { -ETIMEDOUT,	"timeout" },
	[BLK_STS_NOSPC]		= { -ENOSPC,	"critical space allocation" },
	[BLK_STS_TRANSPORT]	= { -ENOLINK,	"recoverable transport" },
	[BLK_STS_TARGET]	= { -EREMOTEIO,	"critical target" },
	[BLK_STS_RESV_CONFLICT]	= { -EBADE,	"reservation conflict" },
	[BLK_STS_MEDIUM]	= { -ENODATA,	"critical medium" },
	[BLK_STS_PROTECTION]	= { -EILSEQ,	"protection" },
	[BLK_STS_RESOURCE]	= { -ENOMEM,	"kernel resource" },
	[BLK_STS_DEV_RESOURCE]	= { -EBUSY,	"device resource" },
	[BLK_STS_AGAIN]		= { -EAGAIN,	"nonblocking retry" },
	[BLK_STS_OFFLINE]	= { -ENODEV,	"device offline" },
	[BLK_STS_DM_REQUEUE]	= { -EREMCHG,	"dm internal retry" },
	[BLK_STS_ZONE_OPEN_RESOURCE] = { -ETOOMANYREFS, "open zones exceeded" },
	[BLK_STS_ZONE_ACTIVE_RESOURCE] = { -EOVERFLOW, "active zones exceeded" },
	[BLK_STS_DURATION_LIMIT] = { -ETIME,	"duration limit exceeded" },
	[BLK_STS_INVAL]		= { -EINVAL,	"invalid" },
	/* everything else not covered above: */
	[BLK_STS_IOERR]		= { -EIO,	"I/O" },
};

blk_status_t errno_to_blk_status(int errno)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(blk_errors); i++)
		if (blk_errors[i].errno == errno)
			return (__force blk_status_t)i;
	return BLK_STS_IOERR;
}
EXPORT_SYMBOL_GPL(errno_to_blk_status);

int blk_status_to_errno(blk_status_t status)
{
	unsigned int idx = (__force int)status;

	if (WARN_ON_ONCE(idx >= ARRAY_SIZE(blk_errors) || (idx && !blk_errors[idx].name)))
		return -EIO;
	return blk_errors[idx].errno;
}
EXPORT_SYMBOL_GPL(blk_status_to_errno);

static const char *const blk_op_name[] = {
	[REQ_OP_READ] = "READ", [REQ_OP_WRITE] = "WRITE", [REQ_OP_FLUSH] = "FLUSH",
	[REQ_OP_DISCARD] = "DISCARD", [REQ_OP_SECURE_ERASE] = "SECURE_ERASE",
	[REQ_OP_WRITE_ZEROES] = "WRITE_ZEROES",
};

/* blk_print_req_error(): the line Linux logs for a request that ended with an error. */
void lkm_blk_print_req_error(struct gendisk *disk, sector_t sector, blk_opf_t opf, unsigned int segs,
			     blk_status_t status)
{
	unsigned int idx = (__force unsigned int)status, op = opf & REQ_OP_MASK;
	const char *name = idx < ARRAY_SIZE(blk_errors) && blk_errors[idx].name ? blk_errors[idx].name : "<null>";

	printk_ratelimited(KERN_ERR "%s error, dev %s, sector %llu op 0x%x:(%s) flags 0x%x phys_seg %u prio class %u\n",
			   name, disk ? disk->disk_name : "?", (unsigned long long)sector, op,
			   op < ARRAY_SIZE(blk_op_name) && blk_op_name[op] ? blk_op_name[op] : "UNKNOWN",
			   opf & ~REQ_OP_MASK, segs, 0u);
}

/* ---- tag sets ------------------------------------------------------------------------------------ */

static void free_tags(struct blk_mq_tag_set *set, struct blk_mq_tags *tags, unsigned int hctx_idx)
{
	unsigned int i;

	if (!tags)
		return;
	for (i = 0; i < tags->nr_tags && tags->rqs; i++) {
		if (!tags->rqs[i])
			continue;
		if (set->ops->exit_request)
			set->ops->exit_request(set, tags->rqs[i], hctx_idx);
		kfree(tags->rqs[i]);
	}
	kfree(tags->rqs);
	bitmap_free(tags->busy);
	kfree(tags);
}

static struct blk_mq_tags *alloc_tags(struct blk_mq_tag_set *set, unsigned int hctx_idx)
{
	struct blk_mq_tags *tags = kzalloc(sizeof(*tags), GFP_KERNEL);
	unsigned int i;

	if (!tags)
		return NULL;
	tags->nr_tags = set->queue_depth;
	tags->rqs = kcalloc(set->queue_depth, sizeof(*tags->rqs), GFP_KERNEL);
	tags->busy = bitmap_zalloc(set->queue_depth, GFP_KERNEL);
	if (!tags->rqs || !tags->busy)
		goto fail;
	for (i = 0; i < set->queue_depth; i++) {
		struct request *rq = kzalloc(sizeof(*rq) + set->cmd_size, GFP_KERNEL);

		if (!rq)
			goto fail;
		tags->rqs[i] = rq;
		rq->tag = i;
		rq->internal_tag = -1;
		INIT_LIST_HEAD(&rq->queuelist);
		if (set->ops->init_request && set->ops->init_request(set, rq, hctx_idx, set->numa_node)) {
			tags->rqs[i] = NULL;
			kfree(rq);
			goto fail;
		}
	}
	return tags;
fail:
	free_tags(set, tags, hctx_idx);
	return NULL;
}

int blk_mq_alloc_tag_set(struct blk_mq_tag_set *set)
{
	unsigned int i;

	if (!set->nr_hw_queues)
		return -EINVAL;
	if (!set->queue_depth)
		return -EINVAL;
	if (set->queue_depth < set->reserved_tags + 1)
		return -EINVAL;
	if (!set->ops->queue_rq)
		return -EINVAL;
	if (!set->ops->get_budget ^ !set->ops->put_budget)
		return -EINVAL;
	if (set->queue_depth > BLK_MQ_MAX_DEPTH) {
		pr_info("blk-mq: reduced tag depth to %u\n", BLK_MQ_MAX_DEPTH);
		set->queue_depth = BLK_MQ_MAX_DEPTH;
	}
	if (!set->nr_maps)
		set->nr_maps = 1;
	if (!set->timeout)
		set->timeout = 30 * HZ;
	mutex_init(&set->tag_list_lock);
	INIT_LIST_HEAD(&set->tag_list);
	set->tags = kcalloc(set->nr_hw_queues, sizeof(*set->tags), GFP_KERNEL);
	if (!set->tags)
		return -ENOMEM;
	for (i = 0; i < set->nr_hw_queues; i++) {
		set->tags[i] = alloc_tags(set, i);
		if (!set->tags[i])
			goto fail;
	}
	return 0;
fail:
	while (i--)
		free_tags(set, set->tags[i], i);
	kfree(set->tags);
	set->tags = NULL;
	return -ENOMEM;
}
EXPORT_SYMBOL(blk_mq_alloc_tag_set);

int blk_mq_alloc_sq_tag_set(struct blk_mq_tag_set *set, const struct blk_mq_ops *ops,
			    unsigned int queue_depth, unsigned int set_flags)
{
	memset(set, 0, sizeof(*set));
	set->ops = ops;
	set->nr_hw_queues = 1;
	set->nr_maps = 1;
	set->queue_depth = queue_depth;
	set->numa_node = NUMA_NO_NODE;
	set->flags = set_flags;
	return blk_mq_alloc_tag_set(set);
}
EXPORT_SYMBOL_GPL(blk_mq_alloc_sq_tag_set);

void blk_mq_free_tag_set(struct blk_mq_tag_set *set)
{
	unsigned int i;

	if (!set->tags)
		return;
	WARN_ON_ONCE(!list_empty(&set->tag_list));
	for (i = 0; i < set->nr_hw_queues; i++)
		free_tags(set, set->tags[i], i);
	kfree(set->tags);
	set->tags = NULL;
}
EXPORT_SYMBOL(blk_mq_free_tag_set);

/* ---- queues ------------------------------------------------------------------------------------ */

/* blk_validate_limits(): the defaults of what the driver left 0, and Linux's checks. */
int lkm_validate_limits(struct queue_limits *lim)
{
	if (!lim->logical_block_size)
		lim->logical_block_size = SECTOR_SIZE;
	if (lim->logical_block_size > PAGE_SIZE || !is_power_of_2(lim->logical_block_size) ||
	    lim->logical_block_size < SECTOR_SIZE)
		return -EINVAL;
	if (lim->physical_block_size < lim->logical_block_size)
		lim->physical_block_size = lim->logical_block_size;
	if (lim->io_min < lim->physical_block_size)
		lim->io_min = lim->physical_block_size;
	if (!lim->max_hw_sectors)
		lim->max_hw_sectors = BLK_SAFE_MAX_SECTORS;
	if (WARN_ON_ONCE(lim->max_hw_sectors < PAGE_SECTORS))
		return -EINVAL;
	lim->max_sectors = min(lim->max_hw_sectors, BLK_DEF_MAX_SECTORS_CAP);
	if (lim->max_user_sectors)
		lim->max_sectors = min(lim->max_sectors, lim->max_user_sectors);
	if (!lim->max_segments)
		lim->max_segments = BLK_MAX_SEGMENTS;
	if (!lim->max_segment_size)
		lim->max_segment_size = BLK_MAX_SEGMENT_SIZE;
	if (!lim->seg_boundary_mask)
		lim->seg_boundary_mask = BLK_SEG_BOUNDARY_MASK;
	if (!lim->dma_alignment)
		lim->dma_alignment = SECTOR_SIZE - 1;
	return 0;
}

static struct request_queue *queue_alloc(struct queue_limits *lim, int node)
{
	struct queue_limits defaults = { };
	struct request_queue *q;
	int err;

	q = kzalloc(sizeof(*q), GFP_KERNEL);
	if (!q)
		return ERR_PTR(-ENOMEM);
	q->limits = lim ? *lim : defaults;
	err = lkm_validate_limits(&q->limits);
	if (err) {
		kfree(q);
		return ERR_PTR(err);
	}
	q->node = node;
	atomic_set(&q->refs, 1);
	INIT_LIST_HEAD(&q->tag_set_list);
	INIT_LIST_HEAD(&q->requeue_list);
	q->nr_requests = 128;	/* BLKDEV_DEFAULT_RQ, a bio-based queue's */
	return q;
}

struct request_queue *lkm_alloc_queue(struct queue_limits *lim, int node)
{
	return queue_alloc(lim, node);
}

static void exit_hctxs(struct request_queue *q, unsigned int n)
{
	while (n--) {
		struct blk_mq_hw_ctx *hctx = q->queue_hw_ctx[n];

		if (q->mq_ops->exit_hctx)
			q->mq_ops->exit_hctx(hctx, n);
		kfree(hctx);
	}
	kfree(q->queue_hw_ctx);
	q->queue_hw_ctx = NULL;
}

struct request_queue *blk_mq_alloc_queue(struct blk_mq_tag_set *set, struct queue_limits *lim, void *queuedata)
{
	struct request_queue *q;
	unsigned int i;

	if (!set->tags)
		return ERR_PTR(-EINVAL);
	q = queue_alloc(lim, set->numa_node);
	if (IS_ERR(q))
		return q;
	q->queuedata = queuedata;
	q->mq_ops = set->ops;
	q->tag_set = set;
	q->nr_hw_queues = set->nr_hw_queues;
	q->nr_requests = set->queue_depth;
	q->rq_timeout = set->timeout;
	q->queue_hw_ctx = kcalloc(set->nr_hw_queues, sizeof(*q->queue_hw_ctx), GFP_KERNEL);
	if (!q->queue_hw_ctx)
		goto fail;
	for (i = 0; i < set->nr_hw_queues; i++) {
		struct blk_mq_hw_ctx *hctx = kzalloc(sizeof(*hctx), GFP_KERNEL);

		if (!hctx)
			goto fail_hctx;
		hctx->queue = q;
		hctx->queue_num = i;
		hctx->numa_node = set->numa_node;
		hctx->flags = set->flags;
		hctx->tags = set->tags[i];
		if (set->ops->init_hctx && set->ops->init_hctx(hctx, set->driver_data, i)) {
			kfree(hctx);
			goto fail_hctx;
		}
		q->queue_hw_ctx[i] = hctx;
	}
	mutex_lock(&set->tag_list_lock);
	list_add_tail(&q->tag_set_list, &set->tag_list);
	mutex_unlock(&set->tag_list_lock);
	return q;
fail_hctx:
	exit_hctxs(q, i);
fail:
	kfree(q->queue_hw_ctx);
	kfree(q);
	return ERR_PTR(-ENOMEM);
}
EXPORT_SYMBOL(blk_mq_alloc_queue);

/* blk_mq_destroy_queue(): the queue leaves its tag set; the last blk_put_queue() frees it. */
void blk_mq_destroy_queue(struct request_queue *q)
{
	set_bit(QUEUE_FLAG_DYING, &q->queue_flags);
	if (!q->tag_set || list_empty(&q->tag_set_list))
		return;
	mutex_lock(&q->tag_set->tag_list_lock);
	list_del_init(&q->tag_set_list);
	mutex_unlock(&q->tag_set->tag_list_lock);
}
EXPORT_SYMBOL(blk_mq_destroy_queue);

void blk_put_queue(struct request_queue *q)
{
	if (!atomic_dec_and_test(&q->refs))
		return;
	if (q->mq_ops) {
		/* A disk of blk_mq_alloc_disk() takes its queue down with it. */
		blk_mq_destroy_queue(q);
		exit_hctxs(q, q->nr_hw_queues);
	}
	kfree(q);
}
EXPORT_SYMBOL(blk_put_queue);

void blk_mq_stop_hw_queue(struct blk_mq_hw_ctx *hctx)
{
	set_bit(BLK_MQ_S_STOPPED, &hctx->state);
}
EXPORT_SYMBOL(blk_mq_stop_hw_queue);

void blk_mq_start_hw_queue(struct blk_mq_hw_ctx *hctx)
{
	clear_bit(BLK_MQ_S_STOPPED, &hctx->state);
}
EXPORT_SYMBOL(blk_mq_start_hw_queue);

void blk_mq_stop_hw_queues(struct request_queue *q)
{
	unsigned int i;

	for (i = 0; i < q->nr_hw_queues; i++)
		blk_mq_stop_hw_queue(q->queue_hw_ctx[i]);
}
EXPORT_SYMBOL(blk_mq_stop_hw_queues);

void blk_mq_start_hw_queues(struct request_queue *q)
{
	unsigned int i;

	for (i = 0; i < q->nr_hw_queues; i++)
		blk_mq_start_hw_queue(q->queue_hw_ctx[i]);
}
EXPORT_SYMBOL(blk_mq_start_hw_queues);

void blk_mq_start_stopped_hw_queues(struct request_queue *q, bool async)
{
	(void)async;
	blk_mq_start_hw_queues(q);
}
EXPORT_SYMBOL(blk_mq_start_stopped_hw_queues);

/* Nothing waits in a dispatch list between system calls: each request is run when it is made. */
void blk_mq_run_hw_queues(struct request_queue *q, bool async)
{
	(void)q; (void)async;
}
EXPORT_SYMBOL(blk_mq_run_hw_queues);

void blk_mq_quiesce_queue(struct request_queue *q)
{
	q->quiesce_depth++;
}
EXPORT_SYMBOL_GPL(blk_mq_quiesce_queue);

void blk_mq_unquiesce_queue(struct request_queue *q)
{
	if (!WARN_ON_ONCE(q->quiesce_depth <= 0))
		q->quiesce_depth--;
}
EXPORT_SYMBOL_GPL(blk_mq_unquiesce_queue);

/* ---- requests ------------------------------------------------------------------------------------ */

static void put_request(struct request *rq);

void blk_mq_start_request(struct request *rq)
{
	WARN_ON_ONCE(blk_mq_rq_state(rq) != MQ_RQ_IDLE);
	rq->io_start_time_ns = ktime_get_ns();
	rq->deadline = jiffies + rq->timeout;
	rq->rq_flags |= RQF_STARTED;
	WRITE_ONCE(rq->state, MQ_RQ_IN_FLIGHT);
}
EXPORT_SYMBOL(blk_mq_start_request);

/* blk_update_request(): @nr_bytes of the request are done; false once it is done entirely. */
bool blk_update_request(struct request *rq, blk_status_t error, unsigned int nr_bytes)
{
	if (error && !blk_rq_is_passthrough(rq) && !(rq->rq_flags & RQF_QUIET) && rq->q->disk &&
	    !test_bit(GD_DEAD, &rq->q->disk->state))
		lkm_blk_print_req_error(rq->q->disk, blk_rq_pos(rq), rq->cmd_flags, rq->nr_phys_segments, error);
	if (error && !rq->lkm_status)
		rq->lkm_status = error;
	if (nr_bytes >= rq->__data_len) {
		rq->__data_len = 0;
		return false;
	}
	rq->__data_len -= nr_bytes;
	rq->__sector += nr_bytes >> SECTOR_SHIFT;
	return true;
}
EXPORT_SYMBOL_GPL(blk_update_request);

void __blk_mq_end_request(struct request *rq, blk_status_t error)
{
	if (error && !rq->lkm_status)
		rq->lkm_status = error;
	WRITE_ONCE(rq->state, MQ_RQ_COMPLETE);
	if (rq->end_io)
		rq->end_io(rq, error);
	if (rq->lkm_io) {
		/* A request its system call gave up on: its I/O and tag are freed now. */
		lkm_blk_io_free(rq->lkm_io);
		rq->lkm_io = NULL;
		put_request(rq);
	}
}
EXPORT_SYMBOL(__blk_mq_end_request);

void blk_mq_end_request(struct request *rq, blk_status_t error)
{
	if (blk_update_request(rq, error, blk_rq_bytes(rq)))
		BUG();
	__blk_mq_end_request(rq, error);
}
EXPORT_SYMBOL(blk_mq_end_request);

/* The completion "interrupt" runs at once on this CPU: ->complete() ends the request. */
void blk_mq_complete_request(struct request *rq)
{
	rq->q->mq_ops->complete(rq);
}
EXPORT_SYMBOL(blk_mq_complete_request);

bool blk_mq_complete_request_remote(struct request *rq)
{
	(void)rq;
	return false;
}
EXPORT_SYMBOL_GPL(blk_mq_complete_request_remote);

/* The request goes back to be dispatched again (the loop in lkm_blk_mq_rw). */
void blk_mq_requeue_request(struct request *rq, bool kick_requeue_list)
{
	(void)kick_requeue_list;
	WRITE_ONCE(rq->state, MQ_RQ_IDLE);
	rq->rq_flags &= ~RQF_STARTED;
	list_add_tail(&rq->queuelist, &rq->q->requeue_list);
}
EXPORT_SYMBOL(blk_mq_requeue_request);

void blk_mq_kick_requeue_list(struct request_queue *q)
{
	(void)q;
}
EXPORT_SYMBOL(blk_mq_kick_requeue_list);

/* A free tag of hardware queue 0 (each system call's requests run one at a time). */
static struct request *get_request(struct request_queue *q)
{
	struct blk_mq_hw_ctx *hctx = q->queue_hw_ctx[0];
	struct blk_mq_tags *tags = hctx->tags;
	unsigned int reserved = q->tag_set->reserved_tags;
	unsigned long tag = find_next_zero_bit(tags->busy, tags->nr_tags, reserved);

	if (tag >= tags->nr_tags)
		return NULL;
	set_bit(tag, tags->busy);
	return tags->rqs[tag];
}

static void put_request(struct request *rq)
{
	clear_bit(rq->tag, rq->mq_hctx->tags->busy);
	rq->bio = rq->biotail = NULL;
	WRITE_ONCE(rq->state, MQ_RQ_IDLE);
}

static void init_request(struct request *rq, struct request_queue *q, struct bio *bio)
{
	struct bio_vec bv;
	struct bvec_iter iter;

	rq->q = q;
	rq->mq_hctx = q->queue_hw_ctx[0];
	rq->cmd_flags = bio->bi_opf;
	rq->rq_flags = 0;
	rq->timeout = q->rq_timeout;
	rq->__sector = bio->bi_iter.bi_sector;
	rq->__data_len = bio->bi_iter.bi_size;
	rq->bio = rq->biotail = bio;
	rq->part = bio->bi_bdev;
	rq->nr_phys_segments = 0;
	bio_for_each_bvec(bv, bio, iter)
		rq->nr_phys_segments++;
	rq->ioprio = bio->bi_ioprio;
	rq->start_time_ns = ktime_get_ns();
	rq->end_io = NULL;
	rq->lkm_status = BLK_STS_OK;
	INIT_LIST_HEAD(&rq->queuelist);
	WRITE_ONCE(rq->state, MQ_RQ_IDLE);
}

/* One bio as one request through ->queue_rq(); the bio's status is the request's. */
int lkm_blk_mq_rw(struct gendisk *disk, struct lkm_blk_io *io)
{
	struct request_queue *q = disk->queue;
	struct blk_mq_queue_data bd = { .last = true };
	struct blk_mq_hw_ctx *hctx = q->queue_hw_ctx[0];
	struct bio *bio = &io->bio;
	bool requeued;
	blk_status_t ret;
	struct request *rq;
	int tries;

	if (blk_mq_hctx_stopped(hctx) || q->quiesce_depth)
		return -EIO;
	rq = get_request(q);
	if (!rq)
		return -EBUSY;
	init_request(rq, q, bio);
	bd.rq = rq;
	for (tries = 0; ; tries++) {
		ret = q->mq_ops->queue_rq(hctx, &bd);
		requeued = !list_empty(&rq->queuelist);
		if (requeued)
			list_del_init(&rq->queuelist);
		if (ret == BLK_STS_OK && !requeued)
			break;
		if (ret != BLK_STS_OK && ret != BLK_STS_RESOURCE && ret != BLK_STS_DEV_RESOURCE) {
			/* An error from ->queue_rq() ends the request with it. */
			blk_mq_end_request(rq, ret);
			break;
		}
		if (tries == REDISPATCH_LIMIT) {
			rq->lkm_status = BLK_STS_IOERR;
			WRITE_ONCE(rq->state, MQ_RQ_COMPLETE);
			break;
		}
		/* Turned away (BLK_STS_RESOURCE) or requeued: offered again, as the dispatch list would. */
		WRITE_ONCE(rq->state, MQ_RQ_IDLE);
		rq->rq_flags &= ~RQF_STARTED;
	}
	if (blk_mq_rq_state(rq) != MQ_RQ_COMPLETE) {
		/* Still in flight: the driver keeps the request, its tag and the I/O until it ends it. */
		pr_err_once("blk-mq: %s: request still in flight after ->queue_rq(); this kernel cannot wait for it\n",
			    disk->disk_name);
		io->abandoned = true;
		rq->lkm_io = io;
		return -EIO;
	}
	bio->bi_status = rq->lkm_status;
	put_request(rq);
	return bio->bi_status ? blk_status_to_errno(bio->bi_status) : 0;
}
