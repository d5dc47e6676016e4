// SPDX-License-Identifier: GPL-2.0
/*
 * A disk in sysfs (block/genhd.c's disk attributes, block/blk-sysfs.c's queue/): the directory
 * /sys/devices/virtual/block/NAME with Linux's files, and the links /sys/block/NAME,
 * /sys/class/block/NAME and /sys/dev/block/MAJ:MIN that lead to it.
 */
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include <linux/kobject.h>
#include "blk.h"

/* ---- the disk's directory: device attributes ----------------------------------------------------- */

static ssize_t disk_attr_show(struct kobject *kobj, struct attribute *attr, char *buf)
{
	struct device_attribute *da = container_of(attr, struct device_attribute, attr);

	return da->show ? da->show(kobj_to_dev(kobj), da, buf) : -EIO;
}

static ssize_t disk_attr_store(struct kobject *kobj, struct attribute *attr, const char *buf, size_t count)
{
	struct device_attribute *da = container_of(attr, struct device_attribute, attr);

	return da->store ? da->store(kobj_to_dev(kobj), da, buf, count) : -EIO;
}

static const struct sysfs_ops disk_sysfs_ops = {
	.show	= disk_attr_show,
	.store	= disk_attr_store,
};

static void disk_kobj_release(struct kobject *kobj)
{
	lkm_disk_release(dev_to_disk(kobj_to_dev(kobj)));
}

const struct kobj_type lkm_disk_ktype = {
	.sysfs_ops	= &disk_sysfs_ops,
	.release	= disk_kobj_release,
};

static ssize_t dev_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u:%u\n", MAJOR(dev->devt), MINOR(dev->devt));
}

static ssize_t uevent_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct gendisk *disk = dev_to_disk(dev);

	return sysfs_emit(buf, "MAJOR=%u\nMINOR=%u\nDEVNAME=%s\nDEVTYPE=disk\nDISKSEQ=%llu\n", MAJOR(dev->devt),
			  MINOR(dev->devt), disk->disk_name, disk->diskseq);
}

/* Writing an action asks for a uevent again; there is no udev listening, so it only checks the word. */
static ssize_t uevent_store(struct device *dev, struct device_attribute *attr, const char *buf, size_t count)
{
	static const char *const actions[] = { "add", "remove", "change", "move", "online", "offline", "bind", "unbind" };
	size_t len = strcspn(buf, " \n");
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(actions); i++)
		if (len == strlen(actions[i]) && !strncmp(buf, actions[i], len))
			return count;
	return -EINVAL;
}

static ssize_t range_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", dev_to_disk(dev)->minors);
}

/* disk_max_parts(): the minors a disk may use, counting extended ones. */
static ssize_t ext_range_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct gendisk *disk = dev_to_disk(dev);

	return sysfs_emit(buf, "%d\n", disk->minors > 1 ? disk->minors :
			  (disk->flags & GENHD_FL_NO_PART) ? 1 : DISK_MAX_PARTS);
}

static ssize_t removable_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", (dev_to_disk(dev)->flags & GENHD_FL_REMOVABLE ? 1 : 0));
}

static ssize_t hidden_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", (dev_to_disk(dev)->flags & GENHD_FL_HIDDEN ? 1 : 0));
}

static ssize_t ro_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", get_disk_ro(dev_to_disk(dev)) ? 1 : 0);
}

static ssize_t size_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%llu\n", (unsigned long long)get_capacity(dev_to_disk(dev)));
}

static ssize_t alignment_offset_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", (int)dev_to_disk(dev)->queue->limits.alignment_offset);
}

static ssize_t discard_alignment_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", (int)dev_to_disk(dev)->queue->limits.discard_alignment);
}

static ssize_t capability_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "0\n");
}

static ssize_t diskseq_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%llu\n", dev_to_disk(dev)->diskseq);
}

/* part_stat_show(): reads, writes, in flight, discards, flushes (no times are kept: 0 ms). */
static ssize_t stat_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct gendisk *disk = dev_to_disk(dev);

	return sysfs_emit(buf,
		"%8lu %8lu %8llu %8u "
		"%8lu %8lu %8llu %8u "
		"%8u %8u %8u "
		"%8lu %8lu %8llu %8u "
		"%8lu %8u"
		"\n",
		disk->lkm_ios[READ], 0UL, (unsigned long long)disk->lkm_sectors[READ], 0u,
		disk->lkm_ios[WRITE], 0UL, (unsigned long long)disk->lkm_sectors[WRITE], 0u,
		0u, 0u, 0u,
		0UL, 0UL, 0ULL, 0u,
		0UL, 0u);
}

static ssize_t inflight_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%8u %8u\n", 0u, 0u);
}

static DEVICE_ATTR_RO(dev);
static DEVICE_ATTR_RW(uevent);
static DEVICE_ATTR_RO(range);
static DEVICE_ATTR_RO(ext_range);
static DEVICE_ATTR_RO(removable);
static DEVICE_ATTR_RO(hidden);
static DEVICE_ATTR_RO(ro);
static DEVICE_ATTR_RO(size);
static DEVICE_ATTR_RO(alignment_offset);
static DEVICE_ATTR_RO(discard_alignment);
static DEVICE_ATTR_RO(capability);
static DEVICE_ATTR_RO(diskseq);
static DEVICE_ATTR_RO(stat);
static DEVICE_ATTR_RO(inflight);

static struct attribute *disk_attrs[] = {
	&dev_attr_dev.attr, &dev_attr_uevent.attr, &dev_attr_range.attr, &dev_attr_ext_range.attr,
	&dev_attr_removable.attr, &dev_attr_hidden.attr, &dev_attr_ro.attr, &dev_attr_size.attr,
	&dev_attr_alignment_offset.attr, &dev_attr_discard_alignment.attr, &dev_attr_capability.attr,
	&dev_attr_diskseq.attr, &dev_attr_stat.attr, &dev_attr_inflight.attr, NULL,
};

static const struct attribute_group disk_attr_group = { .attrs = disk_attrs };

/* ---- queue/ ------------------------------------------------------------------------------------- */

struct queue_kobj {
	struct kobject kobj;
	struct request_queue *q;
};

struct queue_sysfs_entry {
	struct attribute attr;
	ssize_t (*show)(struct request_queue *q, char *page);
};

static ssize_t queue_attr_show(struct kobject *kobj, struct attribute *attr, char *buf)
{
	struct queue_sysfs_entry *e = container_of(attr, struct queue_sysfs_entry, attr);

	return e->show(container_of(kobj, struct queue_kobj, kobj)->q, buf);
}

static const struct sysfs_ops queue_sysfs_ops = { .show = queue_attr_show };

static void queue_kobj_release(struct kobject *kobj)
{
	kfree(container_of(kobj, struct queue_kobj, kobj));
}

static const struct kobj_type queue_ktype = {
	.sysfs_ops	= &queue_sysfs_ops,
	.release	= queue_kobj_release,
};

#define QUEUE_UINT(_name, _expr)						\
static ssize_t queue_##_name##_show(struct request_queue *q, char *page)	\
{										\
	return sysfs_emit(page, "%u\n", (unsigned int)(_expr));			\
}										\
static struct queue_sysfs_entry queue_##_name##_entry = {			\
	.attr = { .name = #_name, .mode = 0444 }, .show = queue_##_name##_show,	\
}

QUEUE_UINT(logical_block_size, q->limits.logical_block_size);
QUEUE_UINT(physical_block_size, q->limits.physical_block_size);
QUEUE_UINT(hw_sector_size, q->limits.logical_block_size);
QUEUE_UINT(minimum_io_size, q->limits.io_min);
QUEUE_UINT(optimal_io_size, q->limits.io_opt);
QUEUE_UINT(max_sectors_kb, q->limits.max_sectors >> 1);
QUEUE_UINT(max_hw_sectors_kb, q->limits.max_hw_sectors >> 1);
QUEUE_UINT(max_segments, q->limits.max_segments);
QUEUE_UINT(max_segment_size, q->limits.max_segment_size);
QUEUE_UINT(nr_requests, q->nr_requests);
QUEUE_UINT(rotational, !!(q->limits.features & BLK_FEAT_ROTATIONAL));
QUEUE_UINT(read_ahead_kb, max(q->limits.io_opt * 2 / 1024, 128u));
QUEUE_UINT(nomerges, 0);
QUEUE_UINT(dma_alignment, q->limits.dma_alignment);

static ssize_t queue_scheduler_show(struct request_queue *q, char *page)
{
	return sysfs_emit(page, "[none] \n");
}
static struct queue_sysfs_entry queue_scheduler_entry = {
	.attr = { .name = "scheduler", .mode = 0444 }, .show = queue_scheduler_show,
};

static ssize_t queue_write_cache_show(struct request_queue *q, char *page)
{
	return sysfs_emit(page, q->limits.features & BLK_FEAT_WRITE_CACHE ? "write back\n" : "write through\n");
}
static struct queue_sysfs_entry queue_write_cache_entry = {
	.attr = { .name = "write_cache", .mode = 0444 }, .show = queue_write_cache_show,
};

static struct attribute *queue_attrs[] = {
	&queue_logical_block_size_entry.attr, &queue_physical_block_size_entry.attr,
	&queue_hw_sector_size_entry.attr, &queue_minimum_io_size_entry.attr, &queue_optimal_io_size_entry.attr,
	&queue_max_sectors_kb_entry.attr, &queue_max_hw_sectors_kb_entry.attr, &queue_max_segments_entry.attr,
	&queue_max_segment_size_entry.attr, &queue_nr_requests_entry.attr, &queue_rotational_entry.attr,
	&queue_read_ahead_kb_entry.attr, &queue_nomerges_entry.attr, &queue_dma_alignment_entry.attr,
	&queue_scheduler_entry.attr, &queue_write_cache_entry.attr, NULL,
};

static const struct attribute_group queue_attr_group = { .attrs = queue_attrs };

static struct kobject *queue_kobj_add(struct gendisk *disk)
{
	struct queue_kobj *qk = kzalloc(sizeof(*qk), GFP_KERNEL);

	if (!qk)
		return NULL;
	qk->q = disk->queue;
	if (kobject_init_and_add(&qk->kobj, &queue_ktype, &disk->part0->bd_device.kobj, "queue") ||
	    sysfs_create_group(&qk->kobj, &queue_attr_group)) {
		kobject_put(&qk->kobj);
		return NULL;
	}
	return &qk->kobj;
}

static void kobj_remove(struct kobject **kobj)
{
	if (*kobj) {
		kobject_del(*kobj);
		kobject_put(*kobj);
		*kobj = NULL;
	}
}

/* ---- adding and removing ------------------------------------------------------------------------ */

static void devt_name(struct gendisk *disk, char *buf, size_t size)
{
	snprintf(buf, size, "%u:%u", MAJOR(disk_devt(disk)), MINOR(disk_devt(disk)));
}

int lkm_disk_sysfs_add(struct gendisk *disk, const struct attribute_group **groups)
{
	struct kobject *kobj = &disk->part0->bd_device.kobj;
	char devt[24];
	int err;

	err = kobject_add(kobj, lkm_virtual_block, "%s", disk->disk_name);
	if (err)
		return err;
	err = sysfs_create_group(kobj, &disk_attr_group);
	if (!err)
		err = sysfs_create_groups(kobj, groups);
	if (err)
		goto out_del;
	disk->lkm_queue_kobj = queue_kobj_add(disk);
	disk->lkm_holders_kobj = kobject_create_and_add("holders", kobj);
	disk->lkm_slaves_kobj = kobject_create_and_add("slaves", kobj);
	if (!disk->lkm_queue_kobj || !disk->lkm_holders_kobj || !disk->lkm_slaves_kobj) {
		err = -ENOMEM;
		goto out_dirs;
	}
	err = sysfs_create_link(kobj, block_class.kobj, "subsystem");
	if (err)
		goto out_dirs;
	err = sysfs_create_link(block_class.kobj, kobj, disk->disk_name);
	if (err)
		goto out_subsys;
	err = sysfs_create_link(lkm_sys_block, kobj, disk->disk_name);
	if (err)
		goto out_class;
	devt_name(disk, devt, sizeof(devt));
	err = sysfs_create_link(lkm_sys_dev_block, kobj, devt);
	if (err)
		goto out_block;
	return 0;

out_block:
	sysfs_remove_link(lkm_sys_block, disk->disk_name);
out_class:
	sysfs_remove_link(block_class.kobj, disk->disk_name);
out_subsys:
	sysfs_remove_link(kobj, "subsystem");
out_dirs:
	kobj_remove(&disk->lkm_slaves_kobj);
	kobj_remove(&disk->lkm_holders_kobj);
	kobj_remove(&disk->lkm_queue_kobj);
out_del:
	kobject_del(kobj);
	return err;
}

void lkm_disk_sysfs_del(struct gendisk *disk)
{
	struct kobject *kobj = &disk->part0->bd_device.kobj;
	char devt[24];

	devt_name(disk, devt, sizeof(devt));
	sysfs_remove_link(lkm_sys_dev_block, devt);
	sysfs_remove_link(lkm_sys_block, disk->disk_name);
	sysfs_remove_link(block_class.kobj, disk->disk_name);
	sysfs_remove_link(kobj, "subsystem");
	kobj_remove(&disk->lkm_slaves_kobj);
	kobj_remove(&disk->lkm_holders_kobj);
	kobj_remove(&disk->lkm_queue_kobj);
	kobject_del(kobj);
}
