// SPDX-License-Identifier: GPL-2.0
/*
 * gendisk handling (block/genhd.c): block major numbers and their /proc/devices lines, allocating,
 * adding and deleting disks, /proc/partitions, and the sysfs directories disks live in. A disk's
 * /dev node is made by devtmpfs (the host) when it is added and goes when it is deleted.
 */
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/idr.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include "host.h"
#include "blk.h"

/* device.c's devtmpfs import: op 5 adds a block node, op 3 removes a node (the class is not used). */
__host_import(class_dev) int host_class_dev(int op, const char *cls, const char *dev, dev_t devt, umode_t mode);

extern struct kset *devices_kset;

#define BLKDEV_MAJOR_HASH_SIZE 255
struct blk_major_name {
	struct blk_major_name *next;
	int major;
	char name[16];
	void (*probe)(dev_t devt);
};
static struct blk_major_name *major_names[BLKDEV_MAJOR_HASH_SIZE];
static DEFINE_SPINLOCK(major_names_lock);

static LIST_HEAD(disks);	/* added and not yet deleted */
static DEFINE_SPINLOCK(disks_lock);
static DEFINE_IDA(ext_devt_ida);
static u64 diskseq;

struct kobject *lkm_sys_block, *lkm_sys_dev_block, *lkm_virtual_block;

const struct class block_class = {
	.name		= "block",
};
EXPORT_SYMBOL(block_class);

static inline int major_to_index(unsigned major)
{
	return major % BLKDEV_MAJOR_HASH_SIZE;
}

int __register_blkdev(unsigned int major, const char *name, void (*probe)(dev_t devt))
{
	struct blk_major_name **n, *p;
	int index, ret = 0;

	p = kmalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	spin_lock(&major_names_lock);
	/* 0: the highest free slot of the table (Linux's "temporary" dynamic majors, 254 down to 1). */
	if (major == 0) {
		for (index = ARRAY_SIZE(major_names) - 1; index > 0; index--)
			if (major_names[index] == NULL)
				break;
		if (index == 0) {
			printk("%s: failed to get major for %s\n", __func__, name);
			ret = -EBUSY;
			goto out;
		}
		major = index;
		ret = major;
	}
	if (major >= BLKDEV_MAJOR_MAX) {
		pr_err("%s: major requested (%u) is greater than the maximum (%u) for %s\n",
		       __func__, major, BLKDEV_MAJOR_MAX - 1, name);
		ret = -EINVAL;
		goto out;
	}
	p->major = major;
	p->probe = probe;
	strscpy(p->name, name, sizeof(p->name));
	p->next = NULL;
	index = major_to_index(major);
	for (n = &major_names[index]; *n; n = &(*n)->next)
		if ((*n)->major == major)
			break;
	if (!*n) {
		*n = p;
		p = NULL;
	} else {
		ret = -EBUSY;
		printk("register_blkdev: cannot get major %u for %s\n", major, name);
	}
out:
	spin_unlock(&major_names_lock);
	kfree(p);
	return ret;
}
EXPORT_SYMBOL(__register_blkdev);

void unregister_blkdev(unsigned int major, const char *name)
{
	struct blk_major_name **n, *p = NULL;

	spin_lock(&major_names_lock);
	for (n = &major_names[major_to_index(major)]; *n; n = &(*n)->next)
		if ((*n)->major == (int)major)
			break;
	if (!*n || strcmp((*n)->name, name)) {
		WARN_ON(1);
	} else {
		p = *n;
		*n = p->next;
	}
	spin_unlock(&major_names_lock);
	kfree(p);
}
EXPORT_SYMBOL(unregister_blkdev);

/* The "Block devices:" lines of /proc/devices (blkdev_show for every major in order). */
int lkm_blkdev_show(char *buf, int size)
{
	struct blk_major_name *dp;
	int len = 0, major;

	spin_lock(&major_names_lock);
	for (major = 0; major < BLKDEV_MAJOR_MAX; major++)
		for (dp = major_names[major_to_index(major)]; dp; dp = dp->next)
			if (dp->major == major)
				len += scnprintf(buf + len, size - len, "%3d %s\n", dp->major, dp->name);
	spin_unlock(&major_names_lock);
	return len;
}

/* A block major's probe (or modprobe "block-major-M-N"), when nobody serves a number opened. */
void lkm_blk_request_module(dev_t devt)
{
	unsigned int major = MAJOR(devt);
	struct blk_major_name *n;
	void (*probe)(dev_t) = NULL;

	spin_lock(&major_names_lock);
	for (n = major_names[major_to_index(major)]; n; n = n->next)
		if (n->major == (int)major && n->probe)
			probe = n->probe;
	spin_unlock(&major_names_lock);
	if (probe) {
		probe(devt);
		return;
	}
	if (request_module("block-major-%d-%d", MAJOR(devt), MINOR(devt)) > 0)
		request_module("block-major-%d", MAJOR(devt));
}

void set_capacity(struct gendisk *disk, sector_t sectors)
{
	struct block_device *bdev = disk->part0;

	spin_lock(&bdev->bd_size_lock);
	bdev->bd_nr_sectors = sectors;
	spin_unlock(&bdev->bd_size_lock);
}
EXPORT_SYMBOL(set_capacity);

bool set_capacity_and_notify(struct gendisk *disk, sector_t size)
{
	sector_t capacity = get_capacity(disk);

	set_capacity(disk, size);
	if (size == capacity || !disk_live(disk) || (disk->flags & GENHD_FL_HIDDEN))
		return false;
	pr_info("%s: detected capacity change from %lld to %lld\n", disk->disk_name, capacity, size);
	return capacity && size;
}
EXPORT_SYMBOL_GPL(set_capacity_and_notify);

void set_disk_ro(struct gendisk *disk, bool read_only)
{
	if (read_only)
		set_bit(GD_READ_ONLY, &disk->state);
	else
		clear_bit(GD_READ_ONLY, &disk->state);
}
EXPORT_SYMBOL_GPL(set_disk_ro);

/* __alloc_disk_node(): the disk and its whole-device block_device, holding @q. */
static struct gendisk *alloc_disk_node(struct request_queue *q, int node_id)
{
	struct gendisk *disk = kzalloc(sizeof(*disk), GFP_KERNEL);
	struct block_device *bdev = kzalloc(sizeof(*bdev), GFP_KERNEL);

	if (!disk || !bdev) {
		kfree(disk);
		kfree(bdev);
		return NULL;
	}
	bdev->bd_disk = disk;
	bdev->bd_queue = q;
	spin_lock_init(&bdev->bd_size_lock);
	kobject_init(&bdev->bd_device.kobj, &lkm_disk_ktype);
	disk->part0 = bdev;
	disk->queue = q;
	disk->node_id = node_id;
	mutex_init(&disk->open_mutex);
	INIT_LIST_HEAD(&disk->lkm_node);
	disk->diskseq = ++diskseq;
	q->disk = disk;
	return disk;
}

struct gendisk *__blk_mq_alloc_disk(struct blk_mq_tag_set *set, struct queue_limits *lim, void *queuedata)
{
	struct request_queue *q = blk_mq_alloc_queue(set, lim, queuedata);
	struct gendisk *disk;

	if (IS_ERR(q))
		return ERR_CAST(q);
	disk = alloc_disk_node(q, set->numa_node);
	if (!disk) {
		blk_mq_destroy_queue(q);
		blk_put_queue(q);
		return ERR_PTR(-ENOMEM);
	}
	return disk;
}
EXPORT_SYMBOL(__blk_mq_alloc_disk);

struct gendisk *blk_mq_alloc_disk_for_queue(struct request_queue *q)
{
	if (!atomic_inc_not_zero(&q->refs))
		return NULL;
	return alloc_disk_node(q, q->node) ?: (blk_put_queue(q), NULL);
}
EXPORT_SYMBOL(blk_mq_alloc_disk_for_queue);

struct gendisk *__blk_alloc_disk(struct queue_limits *lim, int node)
{
	struct request_queue *q = lkm_alloc_queue(lim, node);
	struct gendisk *disk;

	if (IS_ERR(q))
		return ERR_CAST(q);
	disk = alloc_disk_node(q, node);
	if (!disk) {
		blk_put_queue(q);
		return ERR_PTR(-ENOMEM);
	}
	return disk;
}
EXPORT_SYMBOL(__blk_alloc_disk);

/* The last reference: the driver's free_disk, the queue, the numbers. */
void lkm_disk_release(struct gendisk *disk)
{
	if (disk->fops && disk->fops->free_disk)
		disk->fops->free_disk(disk);
	blk_put_queue(disk->queue);
	kfree(disk->part0);
	kfree(disk);
}

void lkm_disk_get(struct gendisk *disk)
{
	kobject_get(&disk->part0->bd_device.kobj);
}

void lkm_disk_put(struct gendisk *disk)
{
	kobject_put(&disk->part0->bd_device.kobj);
}

struct gendisk *lkm_disk_get_by_devt(dev_t devt)
{
	struct gendisk *disk, *found = NULL;

	spin_lock(&disks_lock);
	list_for_each_entry(disk, &disks, lkm_node) {
		if (disk_devt(disk) == devt) {
			found = disk;
			lkm_disk_get(disk);
			break;
		}
	}
	spin_unlock(&disks_lock);
	return found;
}

/* The number of the added disk called @name (its devtmpfs node's name), or 0. */
dev_t lkm_disk_devt_by_name(const char *name)
{
	struct gendisk *disk;
	dev_t devt = 0;

	spin_lock(&disks_lock);
	list_for_each_entry(disk, &disks, lkm_node) {
		if (!strcmp(disk->disk_name, name)) {
			devt = disk_devt(disk);
			break;
		}
	}
	spin_unlock(&disks_lock);
	return devt;
}

int device_add_disk(struct device *parent, struct gendisk *disk, const struct attribute_group **groups)
{
	struct block_device *bdev = disk->part0;
	int ret;

	if (WARN_ON_ONCE(test_bit(GD_ADDED, &disk->state)))
		return -EBUSY;
	/* A driver's own major needs its minors; without one the number comes from the extended major. */
	if (disk->major) {
		if (WARN_ON(!disk->minors))
			return -EINVAL;
		if (disk->minors > DISK_MAX_PARTS) {
			pr_err("block: can't allocate more than %d partitions\n", DISK_MAX_PARTS);
			disk->minors = DISK_MAX_PARTS;
		}
		if (disk->first_minor > MINORMASK + 1 - disk->minors) {
			pr_err("block: requested first_minor %d too large\n", disk->first_minor);
			return -EINVAL;
		}
	} else {
		if (WARN_ON(disk->minors))
			return -EINVAL;
		ret = ida_alloc_range(&ext_devt_ida, 0, MINORMASK, GFP_KERNEL);
		if (ret < 0)
			return ret == -ENOSPC ? -EBUSY : ret;
		disk->major = BLOCK_EXT_MAJOR;
		disk->first_minor = ret;
	}
	bdev->bd_dev = MKDEV(disk->major, disk->first_minor);
	bdev->bd_device.devt = bdev->bd_dev;
	bdev->bd_device.parent = parent;
	strscpy(bdev->bd_device.name, disk->disk_name, sizeof(bdev->bd_device.name));

	ret = lkm_disk_sysfs_add(disk, groups);
	if (ret)
		goto out_free_ext_minor;
	if (!(disk->flags & GENHD_FL_HIDDEN)) {
		ret = host_class_dev(7, "block", disk->disk_name, bdev->bd_dev, 0600);
		if (ret) {
			lkm_disk_sysfs_del(disk);
			goto out_free_ext_minor;
		}
	}
	set_bit(GD_ADDED, &disk->state);
	spin_lock(&disks_lock);
	list_add_tail(&disk->lkm_node, &disks);
	spin_unlock(&disks_lock);
	return 0;

out_free_ext_minor:
	if (disk->major == BLOCK_EXT_MAJOR)
		ida_free(&ext_devt_ida, disk->first_minor);
	return ret;
}
EXPORT_SYMBOL(device_add_disk);

void del_gendisk(struct gendisk *disk)
{
	if (WARN_ON_ONCE(!disk_live(disk) && !(disk->flags & GENHD_FL_HIDDEN)))
		return;
	spin_lock(&disks_lock);
	list_del_init(&disk->lkm_node);
	spin_unlock(&disks_lock);
	/* Open files keep the disk; their I/O fails from now on, new opens find no device (ENXIO). */
	set_bit(GD_DEAD, &disk->state);
	if (!(disk->flags & GENHD_FL_HIDDEN))
		host_class_dev(3, "block", disk->disk_name, disk_devt(disk), 0);
	lkm_disk_sysfs_del(disk);
	if (disk->major == BLOCK_EXT_MAJOR)
		ida_free(&ext_devt_ida, disk->first_minor);
	clear_bit(GD_ADDED, &disk->state);
}
EXPORT_SYMBOL(del_gendisk);

void put_disk(struct gendisk *disk)
{
	if (disk)
		lkm_disk_put(disk);
}
EXPORT_SYMBOL(put_disk);

/*
 * free_module(): disks a module left added would call its freed code (their fops, the queue's ops):
 * reported and deleted, as the driver core does with devices. The disk itself stays allocated (the
 * module never dropped its reference), with no operations left.
 */
void __lkm_entry lkm_block_module_gone(struct module *mod)
{
	static const struct block_device_operations gone_fops;
	struct gendisk *disk;

	for (;;) {
		struct gendisk *found = NULL;

		spin_lock(&disks_lock);
		list_for_each_entry(disk, &disks, lkm_node) {
			if (disk->fops && disk->fops->owner == mod) {
				found = disk;
				break;
			}
		}
		spin_unlock(&disks_lock);
		if (!found)
			return;
		pr_warn("%s: disk '%s' not deleted at unload: removing it\n", mod->name, found->disk_name);
		del_gendisk(found);
		found->fops = &gone_fops;
	}
}

/* /proc/partitions: the header once there is a disk, then each disk with a capacity, in 1 KiB blocks. */
static int show_partitions(struct seq_file *seqf, void *v)
{
	struct gendisk *disk;
	bool first = true;

	spin_lock(&disks_lock);
	list_for_each_entry(disk, &disks, lkm_node) {
		if (first)
			seq_puts(seqf, "major minor  #blocks  name\n\n");
		first = false;
		if (!get_capacity(disk) || (disk->flags & GENHD_FL_HIDDEN))
			continue;
		if (disk->minors <= 1 && (disk->flags & GENHD_FL_REMOVABLE))
			continue;
		seq_printf(seqf, "%4d  %7d %10llu %s\n", MAJOR(disk_devt(disk)), MINOR(disk_devt(disk)),
			   (unsigned long long)get_capacity(disk) >> 1, disk->disk_name);
	}
	spin_unlock(&disks_lock);
	return 0;
}

/* /sys/devices/virtual (drivers/base/class.c), shared with the class devices that have no parent. */
struct kobject *virtual_device_parent(struct device *dev);

/* genhd_device_init() and proc_genhd_init(): /sys/class/block, /sys/block, /sys/dev/block, /proc/partitions. */
int __lkm_entry lkm_init_block(void)
{
	struct kobject *dev_kobj, *virt;
	int err;

	err = class_register(&block_class);
	if (err)
		return err;
	lkm_sys_block = kobject_create_and_add("block", NULL);
	dev_kobj = kobject_create_and_add("dev", NULL);
	lkm_sys_dev_block = dev_kobj ? kobject_create_and_add("block", dev_kobj) : NULL;
	virt = virtual_device_parent(NULL);
	lkm_virtual_block = virt ? kobject_create_and_add("block", virt) : NULL;
	if (!lkm_sys_block || !lkm_sys_dev_block || !lkm_virtual_block)
		return -ENOMEM;
	if (!proc_create_single("partitions", 0, NULL, show_partitions))
		return -ENOMEM;
	return 0;
}
