// SPDX-License-Identifier: GPL-2.0
/*
 * slab-cache: objects from a slab cache of its own (kmem_cache_create, five-argument form, with a
 * constructor). /proc/slab_cache shows the cache; writing a number N allocates N more objects,
 * writing 0 frees them all. At most MAX_OBJECTS are held (ENOSPC beyond); not a number: EINVAL.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define MAX_OBJECTS 1000

struct item {
	struct list_head node;
	unsigned int id;
	char payload[52];
};

static struct kmem_cache *item_cache;
static LIST_HEAD(items);
static unsigned int nr_items, next_id;
static DEFINE_MUTEX(items_lock);

static void item_ctor(void *obj)
{
	struct item *it = obj;

	INIT_LIST_HEAD(&it->node);
	memset(it->payload, 0x5a, sizeof(it->payload));
}

static void free_all(void)
{
	struct item *it, *tmp;

	list_for_each_entry_safe(it, tmp, &items, node) {
		list_del(&it->node);
		kmem_cache_free(item_cache, it);
	}
	nr_items = 0;
}

static int slab_cache_show(struct seq_file *m, void *v)
{
	mutex_lock(&items_lock);
	seq_printf(m, "cache: %s\nobject size: %u\nobjects: %u\nnext id: %u\n", kmem_cache_name(item_cache),
		   kmem_cache_size(item_cache), nr_items, next_id);
	mutex_unlock(&items_lock);
	return 0;
}

static int slab_cache_open(struct inode *inode, struct file *file)
{
	return single_open(file, slab_cache_show, NULL);
}

static ssize_t slab_cache_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	unsigned int n, i;
	int ret;

	ret = kstrtouint_from_user(buf, count, 0, &n);
	if (ret)
		return ret;
	mutex_lock(&items_lock);
	if (n == 0) {
		free_all();
		pr_info("freed all objects\n");
		goto out;
	}
	if (n > MAX_OBJECTS - nr_items) {
		ret = -ENOSPC;
		goto out;
	}
	for (i = 0; i < n; i++) {
		struct item *it = kmem_cache_alloc(item_cache, GFP_KERNEL);

		if (!it) {
			ret = -ENOMEM;
			goto out;
		}
		it->id = next_id++;
		list_add_tail(&it->node, &items);
		nr_items++;
	}
	pr_info("allocated %u objects, %u in use\n", n, nr_items);
out:
	mutex_unlock(&items_lock);
	return ret ? ret : count;
}

static const struct proc_ops slab_cache_ops = {
	.proc_open	= slab_cache_open,
	.proc_read	= seq_read,
	.proc_write	= slab_cache_write,
	.proc_lseek	= seq_lseek,
	.proc_release	= single_release,
};

static int __init slab_cache_init(void)
{
	item_cache = kmem_cache_create("slab_cache_item", sizeof(struct item), 0, SLAB_HWCACHE_ALIGN, item_ctor);
	if (!item_cache)
		return -ENOMEM;
	if (!proc_create("slab_cache", 0644, NULL, &slab_cache_ops)) {
		kmem_cache_destroy(item_cache);
		return -ENOMEM;
	}
	return 0;
}

static void __exit slab_cache_exit(void)
{
	remove_proc_entry("slab_cache", NULL);
	free_all();
	kmem_cache_destroy(item_cache);
}

module_init(slab_cache_init);
module_exit(slab_cache_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A slab cache of its own, filled and emptied through /proc");
