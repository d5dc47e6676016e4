// SPDX-License-Identifier: GPL-2.0
/*
 * Character device numbers and cdevs (fs/char_dev.c): regions of (major, minors) with a name, dynamic
 * majors handed out from 254 down to 234 and then 511 down to 384 as Linux does, and the map from a
 * device number to the cdev that serves it. /proc/devices is printed from here.
 */
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include "host.h"

struct char_device_struct {
	struct char_device_struct *next;
	unsigned int major;
	unsigned int baseminor;
	int minorct;
	char name[64];
	struct cdev *cdev;	/* set by __register_chrdev */
};

#define CHRDEV_MAJOR_HASH_SIZE 255
static struct char_device_struct *chrdevs[CHRDEV_MAJOR_HASH_SIZE];
static DEFINE_SPINLOCK(chrdevs_lock);
static LIST_HEAD(cdev_map);

static inline int major_to_index(unsigned major)
{
	return major % CHRDEV_MAJOR_HASH_SIZE;
}

/* Finds a free dynamic major, or -EBUSY. */
static int find_dynamic_major(void)
{
	int i;
	struct char_device_struct *cd;

	for (i = ARRAY_SIZE(chrdevs) - 1; i >= CHRDEV_MAJOR_DYN_END; i--) {
		if (chrdevs[i] == NULL)
			return i;
	}
	for (i = CHRDEV_MAJOR_DYN_EXT_START; i >= CHRDEV_MAJOR_DYN_EXT_END; i--) {
		for (cd = chrdevs[major_to_index(i)]; cd; cd = cd->next)
			if (cd->major == (unsigned)i)
				break;
		if (cd == NULL)
			return i;
	}
	return -EBUSY;
}

/* Registers a range of minors; major 0 means "pick one". Overlaps give -EBUSY. */
static struct char_device_struct *__register_chrdev_region(unsigned int major, unsigned int baseminor,
							   int minorct, const char *name)
{
	struct char_device_struct *cd, *curr, *prev = NULL;
	int ret;
	int i;

	if (major >= CHRDEV_MAJOR_MAX) {
		pr_err("CHRDEV \"%s\" major requested (%u) is greater than the maximum (%u)\n",
		       name, major, CHRDEV_MAJOR_MAX - 1);
		return ERR_PTR(-EINVAL);
	}
	if (minorct > MINORMASK + 1 - baseminor) {
		pr_err("CHRDEV \"%s\" minor range requested (%u-%u) is out of range of maximum range (%u-%u) for a single major\n",
		       name, baseminor, baseminor + minorct - 1, 0, MINORMASK);
		return ERR_PTR(-EINVAL);
	}
	cd = kzalloc(sizeof(*cd), GFP_KERNEL);
	if (!cd)
		return ERR_PTR(-ENOMEM);

	spin_lock(&chrdevs_lock);
	if (major == 0) {
		ret = find_dynamic_major();
		if (ret < 0) {
			pr_err("CHRDEV \"%s\" dynamic allocation region is full\n", name);
			goto out;
		}
		major = ret;
	}

	ret = -EBUSY;
	i = major_to_index(major);
	for (curr = chrdevs[i]; curr; prev = curr, curr = curr->next) {
		if (curr->major < major)
			continue;
		if (curr->major > major)
			break;
		if (curr->baseminor + curr->minorct <= baseminor)
			continue;
		if (curr->baseminor >= baseminor + minorct)
			break;
		goto out;
	}

	cd->major = major;
	cd->baseminor = baseminor;
	cd->minorct = minorct;
	strscpy(cd->name, name, sizeof(cd->name));

	if (!prev) {
		cd->next = curr;
		chrdevs[i] = cd;
	} else {
		cd->next = prev->next;
		prev->next = cd;
	}
	spin_unlock(&chrdevs_lock);
	return cd;
out:
	spin_unlock(&chrdevs_lock);
	kfree(cd);
	return ERR_PTR(ret);
}

static struct char_device_struct *__unregister_chrdev_region(unsigned major, unsigned baseminor, int minorct)
{
	struct char_device_struct *cd = NULL, **cp;
	int i = major_to_index(major);

	spin_lock(&chrdevs_lock);
	for (cp = &chrdevs[i]; *cp; cp = &(*cp)->next)
		if ((*cp)->major == major && (*cp)->baseminor == baseminor && (*cp)->minorct == minorct)
			break;
	if (*cp) {
		cd = *cp;
		*cp = cd->next;
	}
	spin_unlock(&chrdevs_lock);
	return cd;
}

int register_chrdev_region(dev_t from, unsigned count, const char *name)
{
	struct char_device_struct *cd;
	dev_t to = from + count;
	dev_t n, next;

	for (n = from; n < to; n = next) {
		next = MKDEV(MAJOR(n) + 1, 0);
		if (next > to)
			next = to;
		cd = __register_chrdev_region(MAJOR(n), MINOR(n), next - n, name);
		if (IS_ERR(cd))
			goto fail;
	}
	return 0;
fail:
	to = n;
	for (n = from; n < to; n = next) {
		next = MKDEV(MAJOR(n) + 1, 0);
		kfree(__unregister_chrdev_region(MAJOR(n), MINOR(n), next - n));
	}
	return PTR_ERR(cd);
}
EXPORT_SYMBOL(register_chrdev_region);

int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count, const char *name)
{
	struct char_device_struct *cd;

	cd = __register_chrdev_region(0, baseminor, count, name);
	if (IS_ERR(cd))
		return PTR_ERR(cd);
	*dev = MKDEV(cd->major, cd->baseminor);
	return 0;
}
EXPORT_SYMBOL(alloc_chrdev_region);

void unregister_chrdev_region(dev_t from, unsigned count)
{
	dev_t to = from + count;
	dev_t n, next;

	for (n = from; n < to; n = next) {
		next = MKDEV(MAJOR(n) + 1, 0);
		if (next > to)
			next = to;
		kfree(__unregister_chrdev_region(MAJOR(n), MINOR(n), next - n));
	}
}
EXPORT_SYMBOL(unregister_chrdev_region);

/* ---- cdev ------------------------------------------------------------------------------------- */

static void cdev_unmap(struct cdev *p)
{
	spin_lock(&chrdevs_lock);
	if (p->added) {
		list_del_init(&p->list);
		p->added = 0;
	}
	spin_unlock(&chrdevs_lock);
}

/* The last reference to a cdev's kobject: unmapped, its parent let go (and a cdev_alloc()ed one freed). */
static void cdev_default_release(struct kobject *kobj)
{
	struct cdev *p = container_of(kobj, struct cdev, kobj);
	struct kobject *parent = kobj->parent;

	cdev_unmap(p);
	kobject_put(parent);
}

static void cdev_dynamic_release(struct kobject *kobj)
{
	struct cdev *p = container_of(kobj, struct cdev, kobj);
	struct kobject *parent = kobj->parent;

	cdev_unmap(p);
	kfree(p);
	kobject_put(parent);
}

static const struct kobj_type ktype_cdev_default = { .release = cdev_default_release };
static const struct kobj_type ktype_cdev_dynamic = { .release = cdev_dynamic_release };

void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
	memset(cdev, 0, sizeof(*cdev));
	INIT_LIST_HEAD(&cdev->list);
	kobject_init(&cdev->kobj, &ktype_cdev_default);
	cdev->ops = fops;
}
EXPORT_SYMBOL(cdev_init);

struct cdev *cdev_alloc(void)
{
	struct cdev *p = kzalloc(sizeof(struct cdev), GFP_KERNEL);

	if (p) {
		INIT_LIST_HEAD(&p->list);
		kobject_init(&p->kobj, &ktype_cdev_dynamic);
	}
	return p;
}
EXPORT_SYMBOL(cdev_alloc);

int cdev_add(struct cdev *p, dev_t dev, unsigned count)
{
	struct cdev *q;

	p->dev = dev;
	p->count = count;
	if (WARN_ON(dev == (dev_t)-1))
		return -EBUSY;
	spin_lock(&chrdevs_lock);
	/* As kobj_map: a newer mapping of the same numbers hides an older one. */
	list_for_each_entry(q, &cdev_map, list)
		if (q == p)
			goto out;
	list_add(&p->list, &cdev_map);
	p->added = 1;
	kobject_get(p->kobj.parent);	/* released with the cdev */
out:
	spin_unlock(&chrdevs_lock);
	return 0;
}
EXPORT_SYMBOL(cdev_add);

/* The cdev keeps @kobj (the device it belongs to) alive from cdev_add() until its release. */
void cdev_set_parent(struct cdev *p, struct kobject *kobj)
{
	WARN_ON(!kobj->state_initialized);
	p->kobj.parent = kobj;
}
EXPORT_SYMBOL(cdev_set_parent);

/* Unmaps the cdev and drops the reference cdev_init()/cdev_alloc() took (open files keep theirs). */
void cdev_del(struct cdev *p)
{
	cdev_unmap(p);
	kobject_put(&p->kobj);
}
EXPORT_SYMBOL(cdev_del);

void cdev_put(struct cdev *p)
{
	(void)p;
}
EXPORT_SYMBOL(cdev_put);

/* The cdev serving a device number (kobj_lookup), or NULL. */
struct cdev *lkm_cdev_lookup(dev_t dev)
{
	struct cdev *p, *found = NULL;

	spin_lock(&chrdevs_lock);
	list_for_each_entry(p, &cdev_map, list) {
		if (dev >= p->dev && dev < p->dev + p->count) {
			found = p;
			break;
		}
	}
	spin_unlock(&chrdevs_lock);
	return found;
}

int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
		      const char *name, const struct file_operations *fops)
{
	struct char_device_struct *cd;
	struct cdev *cdev;
	int err = -ENOMEM;

	cd = __register_chrdev_region(major, baseminor, count, name);
	if (IS_ERR(cd))
		return PTR_ERR(cd);

	cdev = cdev_alloc();
	if (!cdev)
		goto out2;

	cdev->owner = fops->owner;
	cdev->ops = fops;
	err = cdev_add(cdev, MKDEV(cd->major, baseminor), count);
	if (err)
		goto out;

	cd->cdev = cdev;
	return major ? 0 : cd->major;
out:
	kfree(cdev);
out2:
	kfree(__unregister_chrdev_region(cd->major, baseminor, count));
	return err;
}
EXPORT_SYMBOL(__register_chrdev);

void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count, const char *name)
{
	struct char_device_struct *cd;

	(void)name;
	cd = __unregister_chrdev_region(major, baseminor, count);
	if (cd && cd->cdev)
		cdev_del(cd->cdev);
	kfree(cd);
}
EXPORT_SYMBOL(__unregister_chrdev);

int lkm_blkdev_show(char *buf, int size);	/* block/genhd.c */

/* /proc/devices: "Character devices:" then "%3d %s" per region, by major; then the block majors. */
int __lkm_entry lkm_proc_devices(char *buf, int size)
{
	struct char_device_struct *cd;
	int len = scnprintf(buf, size, "Character devices:\n");
	unsigned int major;

	spin_lock(&chrdevs_lock);
	for (major = 0; major < CHRDEV_MAJOR_MAX; major++) {
		for (cd = chrdevs[major_to_index(major)]; cd; cd = cd->next)
			if (cd->major == major)
				len += scnprintf(buf + len, size - len, "%3d %s\n", cd->major, cd->name);
	}
	spin_unlock(&chrdevs_lock);
	len += scnprintf(buf + len, size - len, "\nBlock devices:\n");
	return len + lkm_blkdev_show(buf + len, size - len);
}
