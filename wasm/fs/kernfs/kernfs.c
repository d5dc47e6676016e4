// SPDX-License-Identifier: GPL-2.0
/*
 * The node tree behind /sys (sysfs) and /sys/kernel/debug (debugfs), after fs/kernfs/: directories,
 * files and symlinks with names unique in their directory. Every node is announced to the host
 * (host.kernfs) under its root's prefix; the host opens files with lkm_kernfs_open(). A removed node
 * stays allocated while files are open on it (its reference count), and those files then fail.
 */
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/sprintf.h>
#include <linux/stat.h>
#include "kernfs-internal.h"

struct kernfs_node *sysfs_root_kn;
struct kernfs_node *debugfs_root_kn;

static struct kernfs_node *kernfs_alloc(const char *name, umode_t mode, unsigned short type)
{
	struct kernfs_node *kn = kzalloc(sizeof(*kn), GFP_KERNEL);

	if (!kn)
		return NULL;
	kn->name = kstrdup(name, GFP_KERNEL);
	if (!kn->name) {
		kfree(kn);
		return NULL;
	}
	kn->mode = mode;
	kn->type = type;
	INIT_LIST_HEAD(&kn->sibling);
	INIT_LIST_HEAD(&kn->children);
	init_waitqueue_head(&kn->poll);
	refcount_set(&kn->count, 1);
	return kn;
}

struct kernfs_node *kernfs_new_root(const char *prefix)
{
	struct kernfs_node *kn = kernfs_alloc("", S_IFDIR | 0755, KERNFS_DIR);

	if (kn)
		kn->prefix = prefix;
	return kn;
}

void kernfs_get(struct kernfs_node *kn)
{
	if (kn)
		refcount_inc(&kn->count);
}

void kernfs_put(struct kernfs_node *kn)
{
	if (!kn || !refcount_dec_and_test(&kn->count))
		return;
	kfree(kn->name);
	kfree(kn->target);
	kfree(kn);
}

int kernfs_path(struct kernfs_node *kn, char *buf, size_t size)
{
	const struct kernfs_node *chain[32];
	int n = 0, at = 0;

	for (; kn && kn->parent && n < ARRAY_SIZE(chain); kn = kn->parent)
		chain[n++] = kn;
	if (!n)
		return scnprintf(buf, size, "/");
	buf[0] = '\0';
	while (n-- > 0)
		at += scnprintf(buf + at, size - at, "/%s", chain[n]->name);
	return at;
}

static bool kernfs_is_ancestor(const struct kernfs_node *a, const struct kernfs_node *kn)
{
	for (; kn; kn = kn->parent)
		if (kn == a)
			return true;
	return false;
}

/* A link's target as sysfs writes it: relative to the link's directory @dir ("../../bus/platform"). */
int kernfs_link_target(struct kernfs_node *dir, struct kernfs_node *target, char *buf, size_t size)
{
	const struct kernfs_node *chain[32];
	struct kernfs_node *base = dir, *kn;
	int at = 0, n = 0;

	buf[0] = '\0';
	/* Up to a proper ancestor of the target (Linux's kernfs_get_target_path(): a link to an ancestor
	 * of its directory climbs above it and names it, "../../input0"). */
	while (base->parent && !(target->parent && kernfs_is_ancestor(base, target->parent))) {
		at += scnprintf(buf + at, size - at, "../");
		base = base->parent;
	}
	for (kn = target; kn && kn != base && n < ARRAY_SIZE(chain); kn = kn->parent)
		chain[n++] = kn;
	while (n-- > 0)
		at += scnprintf(buf + at, size - at, "%s%s", chain[n]->name, n ? "/" : "");
	return at;
}

/* The host's path: the root's prefix, then the path inside the file system. */
static void host_path(struct kernfs_node *kn, char *buf, size_t size)
{
	struct kernfs_node *root = kn;
	int at;

	while (root->parent)
		root = root->parent;
	at = scnprintf(buf, size, "%s", root->prefix ?: "");
	if (kn != root)
		kernfs_path(kn, buf + at, size - at);
}

struct kernfs_node *kernfs_find(struct kernfs_node *parent, const char *name)
{
	struct kernfs_node *kn;

	if (!parent)
		return NULL;
	list_for_each_entry(kn, &parent->children, sibling)
		if (!strcmp(kn->name, name))
			return kn;
	return NULL;
}

static int kernfs_add(struct kernfs_node *parent, struct kernfs_node *kn, const void *hint1, const void *hint2)
{
	char path[KF_PATH_MAX];
	int op;

	if (!parent || parent->removed || !(parent->type & KERNFS_DIR))
		return -ENOENT;
	if (kernfs_find(parent, kn->name))
		return -EEXIST;
	kn->parent = parent;
	kernfs_get(parent);
	list_add_tail(&kn->sibling, &parent->children);
	host_path(kn, path, sizeof(path));
	op = kn->type & KERNFS_DIR ? KF_ADD_DIR : kn->type & KERNFS_LINK ? KF_ADD_LINK : KF_ADD_FILE;
	host_kernfs(op, path, kn, kn->mode, op == KF_ADD_LINK ? kn->target : hint1, hint2);
	return 0;
}

struct kernfs_node *kernfs_create_dir(struct kernfs_node *parent, const char *name, umode_t mode, void *priv)
{
	struct kernfs_node *kn = kernfs_alloc(name, S_IFDIR | (mode & 07777), KERNFS_DIR);
	int err;

	if (!kn)
		return ERR_PTR(-ENOMEM);
	kn->priv = priv;
	kn->kobj = priv;
	err = kernfs_add(parent, kn, NULL, NULL);
	if (err) {
		kernfs_put(kn);
		return ERR_PTR(err);
	}
	return kn;
}

struct kernfs_node *kernfs_create_file(struct kernfs_node *parent, const char *name, umode_t mode,
				       loff_t size, unsigned short kind, const void *ops, void *priv,
				       struct kobject *kobj, const void *hint1, const void *hint2)
{
	struct kernfs_node *kn = kernfs_alloc(name, S_IFREG | (mode & 07777), KERNFS_FILE);
	int err;

	if (!kn)
		return ERR_PTR(-ENOMEM);
	kn->kind = kind;
	kn->ops = ops;
	kn->priv = priv;
	kn->kobj = kobj;
	kn->size = size;
	err = kernfs_add(parent, kn, hint1, hint2);
	if (err) {
		kernfs_put(kn);
		return ERR_PTR(err);
	}
	return kn;
}

struct kernfs_node *kernfs_create_link(struct kernfs_node *parent, const char *name, const char *target)
{
	struct kernfs_node *kn = kernfs_alloc(name, S_IFLNK | 0777, KERNFS_LINK);
	int err;

	if (!kn)
		return ERR_PTR(-ENOMEM);
	kn->target = kstrdup(target, GFP_KERNEL);
	if (!kn->target) {
		kernfs_put(kn);
		return ERR_PTR(-ENOMEM);
	}
	err = kernfs_add(parent, kn, NULL, NULL);
	if (err) {
		kernfs_put(kn);
		return ERR_PTR(err);
	}
	return kn;
}

/* Removes @kn and everything below it; the nodes are freed when the last open file goes. */
void kernfs_remove(struct kernfs_node *kn)
{
	char path[KF_PATH_MAX];
	struct kernfs_node *parent;

	if (IS_ERR_OR_NULL(kn) || kn->removed)
		return;
	if (!kn->parent) {
		/* A root is never removed. */
		return;
	}
	host_path(kn, path, sizeof(path));
	host_kernfs(KF_REMOVE, path, kn, 0, NULL, NULL);
	/* Children first, deepest first; the host already dropped their paths with this one. */
	while (!list_empty(&kn->children)) {
		struct kernfs_node *child = list_first_entry(&kn->children, struct kernfs_node, sibling);

		kernfs_remove(child);
	}
	kn->removed = true;
	/* Pollers of the file see it gone (EPOLLERR | EPOLLPRI) instead of waiting for a notification. */
	wake_up_interruptible(&kn->poll);
	parent = kn->parent;
	list_del_init(&kn->sibling);
	kn->parent = NULL;
	kernfs_put(parent);
	kernfs_put(kn);
}

int kernfs_remove_by_name(struct kernfs_node *parent, const char *name)
{
	struct kernfs_node *kn;

	if (!parent) {
		WARN(1, "kernfs: can not remove '%s', no directory\n", name);
		return -ENOENT;
	}
	kn = kernfs_find(parent, name);
	if (!kn)
		return -ENOENT;
	kernfs_remove(kn);
	return 0;
}

/* chmod(2) of a node (kernfs_setattr): the permission bits the next open checks and stat shows. */
void __lkm_entry lkm_kernfs_chmod(struct kernfs_node *kn, umode_t mode)
{
	kn->mode = (kn->mode & S_IFMT) | (mode & S_IALLUGO);
}

/* open(2) of a sysfs or debugfs file the host found by its path. */
struct file *__lkm_entry lkm_kernfs_open(struct kernfs_node *kn, unsigned int flags)
{
	if (kn->type & KERNFS_DIR)
		return ERR_PTR(-EISDIR);
	if (kn->removed || !(kn->type & KERNFS_FILE))
		return ERR_PTR(-ENOENT);
	switch (kn->kind) {
	case KN_SYSFS:
	case KN_SYSFS_BIN:
		return sysfs_open_node(kn, flags);
	case KN_DEBUGFS:
	case KN_DEBUGFS_UNSAFE:
		return debugfs_open_node(kn, flags);
	default:
		return ERR_PTR(-ENXIO);
	}
}

/* The host removes what an unloaded module left behind (src/kernel/kernfs.ts). */
void __lkm_entry lkm_kernfs_remove(struct kernfs_node *kn)
{
	kernfs_remove(kn);
}
