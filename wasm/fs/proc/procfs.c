// SPDX-License-Identifier: GPL-2.0
/*
 * /proc entries made by the kernel and modules (fs/proc/generic.c, inode.c, proc_seq/single ops).
 *
 * The tree of struct proc_dir_entry is kept here, as in Linux (children ordered as its rbtree orders
 * them: by name length, then bytes), with Linux's checks and warnings. Every registered entry is also
 * announced to the host (host.kernfs), which lists it under /proc and opens it with lkm_proc_open().
 *
 * An open /proc file runs the entry's proc_ops through proc_reg_file_ops, as Linux does: removing the
 * entry while files are open calls their proc_release right away ("rundown"), and later calls on those
 * files fail with EIO; an open /proc file does not hold the module.
 */
#include <linux/export.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <linux/poll.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/uio.h>
#include "kernfs-internal.h"
#include "../internal.h"

#define DEFAULT_POLLMASK (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)
/* in_use below zero: the entry is being (or has been) removed. */
#define BIAS (-1U << 31)

struct proc_dir_entry {
	atomic_t in_use;
	refcount_t refcnt;
	struct list_head pde_openers;
	spinlock_t pde_unload_lock;
	const struct proc_ops *proc_ops;
	const struct seq_operations *seq_ops;
	int (*single_show)(struct seq_file *, void *);
	void *data;
	unsigned int state_size;
	nlink_t nlink;
	kuid_t uid;
	kgid_t gid;
	loff_t size;
	struct proc_dir_entry *parent;
	struct list_head subdir;	/* children, in proc_match() order */
	struct list_head subdir_node;
	bool linked;
	const void *hint;		/* what ties the entry to a module (proc_ops, seq_ops, show) */
	char *name;
	umode_t mode;
	u8 flags;
	u8 namelen;
};

struct pde_opener {
	struct list_head lh;
	struct file *file;
	bool closing;
};

/* An inode of /proc: the VFS inode first, so that the file layer frees it with kfree(). */
struct proc_inode {
	struct inode vfs_inode;
	struct proc_dir_entry *pde;
};

static struct proc_dir_entry proc_root = {
	.name = "/proc",
	.namelen = 5,
	.mode = S_IFDIR | S_IRUGO | S_IXUGO,
	.nlink = 2,
	.refcnt = REFCOUNT_INIT(1),
	.subdir = LIST_HEAD_INIT(proc_root.subdir),
	.pde_openers = LIST_HEAD_INIT(proc_root.pde_openers),
	.linked = true,
};

static DEFINE_SPINLOCK(proc_subdir_lock);

static inline struct proc_dir_entry *PDE(const struct inode *inode)
{
	return container_of(inode, struct proc_inode, vfs_inode)->pde;
}

void *pde_data(const struct inode *inode)
{
	return PDE(inode)->data;
}
EXPORT_SYMBOL(pde_data);

void *proc_get_parent_data(const struct inode *inode)
{
	return PDE(inode)->parent->data;
}
EXPORT_SYMBOL_GPL(proc_get_parent_data);

static bool pde_is_permanent(const struct proc_dir_entry *pde)
{
	return pde->flags & PROC_ENTRY_PERMANENT;
}

static void pde_set_flags(struct proc_dir_entry *pde)
{
	if (pde->proc_ops->proc_flags & PROC_ENTRY_PERMANENT)
		pde->flags |= PROC_ENTRY_PERMANENT;
}

/* ---- the tree ----------------------------------------------------------------------------------- */

static int proc_match(const char *name, struct proc_dir_entry *de, unsigned int len)
{
	if (len < de->namelen)
		return -1;
	if (len > de->namelen)
		return 1;
	return memcmp(name, de->name, len);
}

static struct proc_dir_entry *pde_subdir_first(struct proc_dir_entry *dir)
{
	return list_first_entry_or_null(&dir->subdir, struct proc_dir_entry, subdir_node);
}

static struct proc_dir_entry *pde_subdir_find(struct proc_dir_entry *dir, const char *name, unsigned int len)
{
	struct proc_dir_entry *de;

	list_for_each_entry(de, &dir->subdir, subdir_node)
		if (proc_match(name, de, len) == 0)
			return de;
	return NULL;
}

static bool pde_subdir_insert(struct proc_dir_entry *dir, struct proc_dir_entry *de)
{
	struct proc_dir_entry *this;
	struct list_head *at = &dir->subdir;

	list_for_each_entry(this, &dir->subdir, subdir_node) {
		int result = proc_match(de->name, this, de->namelen);

		if (result == 0)
			return false;
		if (result < 0) {
			at = &this->subdir_node;
			break;
		}
	}
	list_add_tail(&de->subdir_node, at);
	de->linked = true;
	return true;
}

static void pde_subdir_erase(struct proc_dir_entry *de)
{
	list_del_init(&de->subdir_node);
	de->linked = false;
}

/* The host path of an entry: "/proc/a/b". */
static void pde_path(struct proc_dir_entry *de, char *buf, size_t size)
{
	const struct proc_dir_entry *chain[32];
	int n = 0, at = 0;

	for (; de && de != &proc_root && n < ARRAY_SIZE(chain); de = de->parent)
		chain[n++] = de;
	at = scnprintf(buf, size, "/proc");
	while (n-- > 0)
		at += scnprintf(buf + at, size - at, "/%s", chain[n]->name);
}

static void host_register(struct proc_dir_entry *de)
{
	char path[KF_PATH_MAX];
	int op = S_ISDIR(de->mode) ? KF_ADD_DIR : S_ISLNK(de->mode) ? KF_ADD_LINK : KF_ADD_FILE;

	pde_path(de, path, sizeof(path));
	host_kernfs(op, path, de, de->mode, op == KF_ADD_LINK ? de->data : de->hint, NULL);
}

static void host_unregister(struct proc_dir_entry *de)
{
	char path[KF_PATH_MAX];

	pde_path(de, path, sizeof(path));
	host_kernfs(KF_REMOVE, path, de, 0, NULL, NULL);
}

static int __xlate_proc_name(const char *name, struct proc_dir_entry **ret, const char **residual)
{
	const char *cp = name, *next;
	struct proc_dir_entry *de;

	de = *ret ?: &proc_root;
	while ((next = strchr(cp, '/')) != NULL) {
		de = pde_subdir_find(de, cp, next - cp);
		if (!de) {
			WARN(1, "name '%s'\n", name);
			return -ENOENT;
		}
		cp = next + 1;
	}
	*residual = cp;
	*ret = de;
	return 0;
}

static int xlate_proc_name(const char *name, struct proc_dir_entry **ret, const char **residual)
{
	int rv;

	spin_lock(&proc_subdir_lock);
	rv = __xlate_proc_name(name, ret, residual);
	spin_unlock(&proc_subdir_lock);
	return rv;
}

static void pde_free(struct proc_dir_entry *pde)
{
	if (S_ISLNK(pde->mode))
		kfree(pde->data);
	kfree(pde->name);
	kfree(pde);
}

static void pde_get(struct proc_dir_entry *pde)
{
	refcount_inc(&pde->refcnt);
}

static void pde_put(struct proc_dir_entry *pde)
{
	if (refcount_dec_and_test(&pde->refcnt))
		pde_free(pde);
}

/* "/proc/123" belongs to the process with that PID: numbers are refused in the root. */
static bool name_is_number(const char *name, unsigned int len)
{
	unsigned int i, n = 0;

	if (len > 1 && name[0] == '0')
		return false;
	for (i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return false;
		if (n > (~0U - 9) / 10)
			return false;
		n = n * 10 + (name[i] - '0');
	}
	return n != ~0U;
}

static struct proc_dir_entry *__proc_create(struct proc_dir_entry **parent, const char *name, umode_t mode,
					    nlink_t nlink)
{
	struct proc_dir_entry *ent = NULL;
	const char *fn;
	unsigned int len;

	if (xlate_proc_name(name, parent, &fn) != 0)
		goto out;
	len = strlen(fn);
	if (len == 0 || len >= 256) {
		WARN(1, "name len %u\n", len);
		return NULL;
	}
	if (len == 1 && fn[0] == '.') {
		WARN(1, "name '.'\n");
		return NULL;
	}
	if (len == 2 && fn[0] == '.' && fn[1] == '.') {
		WARN(1, "name '..'\n");
		return NULL;
	}
	if (*parent == &proc_root && name_is_number(fn, len)) {
		WARN(1, "create '/proc/%s' by hand\n", fn);
		return NULL;
	}

	ent = kzalloc(sizeof(*ent), GFP_KERNEL);
	if (!ent)
		goto out;
	ent->name = kmemdup_nul(fn, len, GFP_KERNEL);
	if (!ent->name) {
		kfree(ent);
		return NULL;
	}
	ent->namelen = len;
	ent->mode = mode;
	ent->nlink = nlink;
	INIT_LIST_HEAD(&ent->subdir);
	INIT_LIST_HEAD(&ent->subdir_node);
	refcount_set(&ent->refcnt, 1);
	spin_lock_init(&ent->pde_unload_lock);
	INIT_LIST_HEAD(&ent->pde_openers);
	ent->uid = GLOBAL_ROOT_UID;
	ent->gid = GLOBAL_ROOT_GID;
out:
	return ent;
}

static struct proc_dir_entry *proc_register(struct proc_dir_entry *dir, struct proc_dir_entry *dp)
{
	spin_lock(&proc_subdir_lock);
	dp->parent = dir;
	if (!pde_subdir_insert(dir, dp)) {
		WARN(1, "proc_dir_entry '%s/%s' already registered\n", dir->name, dp->name);
		spin_unlock(&proc_subdir_lock);
		pde_free(dp);
		return NULL;
	}
	if (S_ISDIR(dp->mode))
		dir->nlink++;
	spin_unlock(&proc_subdir_lock);
	host_register(dp);
	return dp;
}

struct proc_dir_entry *proc_symlink(const char *name, struct proc_dir_entry *parent, const char *dest)
{
	struct proc_dir_entry *ent;

	ent = __proc_create(&parent, name, (S_IFLNK | S_IRUGO | S_IWUGO | S_IXUGO), 1);
	if (ent) {
		ent->size = strlen(dest);
		ent->data = kmemdup(dest, ent->size + 1, GFP_KERNEL);
		if (ent->data) {
			ent = proc_register(parent, ent);
		} else {
			pde_free(ent);
			ent = NULL;
		}
	}
	return ent;
}
EXPORT_SYMBOL(proc_symlink);

struct proc_dir_entry *_proc_mkdir(const char *name, umode_t mode, struct proc_dir_entry *parent,
				   void *data, bool force_lookup)
{
	struct proc_dir_entry *ent;

	(void)force_lookup;
	if (mode == 0)
		mode = S_IRUGO | S_IXUGO;

	ent = __proc_create(&parent, name, S_IFDIR | mode, 2);
	if (ent) {
		ent->data = data;
		ent = proc_register(parent, ent);
	}
	return ent;
}
EXPORT_SYMBOL_GPL(_proc_mkdir);

struct proc_dir_entry *proc_mkdir_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
				       void *data)
{
	return _proc_mkdir(name, mode, parent, data, false);
}
EXPORT_SYMBOL_GPL(proc_mkdir_data);

struct proc_dir_entry *proc_mkdir_mode(const char *name, umode_t mode, struct proc_dir_entry *parent)
{
	return proc_mkdir_data(name, mode, parent, NULL);
}
EXPORT_SYMBOL(proc_mkdir_mode);

struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent)
{
	return proc_mkdir_data(name, 0, parent, NULL);
}
EXPORT_SYMBOL(proc_mkdir);

struct proc_dir_entry *proc_create_mount_point(const char *name)
{
	return proc_mkdir_data(name, 0, NULL, NULL);
}
EXPORT_SYMBOL(proc_create_mount_point);

static struct proc_dir_entry *proc_create_reg(const char *name, umode_t mode, struct proc_dir_entry **parent,
					      void *data)
{
	struct proc_dir_entry *p;

	if ((mode & S_IFMT) == 0)
		mode |= S_IFREG;
	if ((mode & S_IALLUGO) == 0)
		mode |= S_IRUGO;
	if (WARN_ON_ONCE(!S_ISREG(mode)))
		return NULL;

	p = __proc_create(parent, name, mode, 1);
	if (p)
		p->data = data;
	return p;
}

struct proc_dir_entry *proc_create_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops, void *data)
{
	struct proc_dir_entry *p;

	p = proc_create_reg(name, mode, &parent, data);
	if (!p)
		return NULL;
	p->proc_ops = proc_ops;
	p->hint = proc_ops;
	pde_set_flags(p);
	return proc_register(parent, p);
}
EXPORT_SYMBOL(proc_create_data);

struct proc_dir_entry *proc_create(const char *name, umode_t mode, struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops)
{
	return proc_create_data(name, mode, parent, proc_ops, NULL);
}
EXPORT_SYMBOL(proc_create);

static int proc_seq_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);

	if (de->state_size)
		return seq_open_private(file, de->seq_ops, de->state_size);
	return seq_open(file, de->seq_ops);
}

static int proc_seq_release(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);

	if (de->state_size)
		return seq_release_private(inode, file);
	return seq_release(inode, file);
}

static const struct proc_ops proc_seq_ops = {
	/* not permanent -- can call into arbitrary seq_operations */
	.proc_open	= proc_seq_open,
	.proc_read	= seq_read,
	.proc_lseek	= seq_lseek,
	.proc_release	= proc_seq_release,
};

struct proc_dir_entry *proc_create_seq_private(const char *name, umode_t mode, struct proc_dir_entry *parent,
					       const struct seq_operations *ops, unsigned int state_size,
					       void *data)
{
	struct proc_dir_entry *p;

	p = proc_create_reg(name, mode, &parent, data);
	if (!p)
		return NULL;
	p->proc_ops = &proc_seq_ops;
	p->seq_ops = ops;
	p->state_size = state_size;
	p->hint = ops;
	return proc_register(parent, p);
}
EXPORT_SYMBOL(proc_create_seq_private);

static int proc_single_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);

	return single_open(file, de->single_show, de->data);
}

static const struct proc_ops proc_single_ops = {
	/* not permanent -- can call into arbitrary ->single_show */
	.proc_open	= proc_single_open,
	.proc_read	= seq_read,
	.proc_lseek	= seq_lseek,
	.proc_release	= single_release,
};

struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
					       int (*show)(struct seq_file *, void *), void *data)
{
	struct proc_dir_entry *p;

	p = proc_create_reg(name, mode, &parent, data);
	if (!p)
		return NULL;
	p->proc_ops = &proc_single_ops;
	p->single_show = show;
	p->hint = show;
	return proc_register(parent, p);
}
EXPORT_SYMBOL(proc_create_single_data);

void proc_set_size(struct proc_dir_entry *de, loff_t size)
{
	de->size = size;
}
EXPORT_SYMBOL(proc_set_size);

void proc_set_user(struct proc_dir_entry *de, kuid_t uid, kgid_t gid)
{
	de->uid = uid;
	de->gid = gid;
}
EXPORT_SYMBOL(proc_set_user);

/* ---- removal -------------------------------------------------------------------------------------- */

static void close_pdeo(struct proc_dir_entry *pde, struct pde_opener *pdeo)
{
	/* ->proc_release runs once, by whoever gets here first: close(2) or the rundown. */
	if (pdeo->closing)
		return;
	pdeo->closing = true;
	spin_unlock(&pde->pde_unload_lock);
	pde->proc_ops->proc_release(pdeo->file->f_inode, pdeo->file);
	spin_lock(&pde->pde_unload_lock);
	list_del(&pdeo->lh);
	kfree(pdeo);
}

/* Makes the entry unusable and releases the files still open on it. */
static void proc_entry_rundown(struct proc_dir_entry *de)
{
	atomic_add(BIAS, &de->in_use);
	spin_lock(&de->pde_unload_lock);
	while (!list_empty(&de->pde_openers)) {
		struct pde_opener *pdeo;

		pdeo = list_first_entry(&de->pde_openers, struct pde_opener, lh);
		close_pdeo(de, pdeo);
	}
	spin_unlock(&de->pde_unload_lock);
}

void remove_proc_entry(const char *name, struct proc_dir_entry *parent)
{
	struct proc_dir_entry *de = NULL;
	const char *fn = name;
	unsigned int len;

	spin_lock(&proc_subdir_lock);
	if (__xlate_proc_name(name, &parent, &fn) != 0) {
		spin_unlock(&proc_subdir_lock);
		return;
	}
	len = strlen(fn);

	de = pde_subdir_find(parent, fn, len);
	if (de) {
		if (unlikely(pde_is_permanent(de))) {
			WARN(1, "removing permanent /proc entry '%s'", de->name);
			de = NULL;
		} else {
			host_unregister(de);
			pde_subdir_erase(de);
			if (S_ISDIR(de->mode))
				parent->nlink--;
		}
	}
	spin_unlock(&proc_subdir_lock);
	if (!de) {
		WARN(1, "name '%s'\n", name);
		return;
	}

	proc_entry_rundown(de);

	WARN(pde_subdir_first(de), "%s: removing non-empty directory '%s/%s', leaking at least '%s'\n",
	     __func__, de->parent->name, de->name, pde_subdir_first(de)->name);
	pde_put(de);
}
EXPORT_SYMBOL(remove_proc_entry);

int remove_proc_subtree(const char *name, struct proc_dir_entry *parent)
{
	struct proc_dir_entry *root = NULL, *de, *next;
	const char *fn = name;
	unsigned int len;

	spin_lock(&proc_subdir_lock);
	if (__xlate_proc_name(name, &parent, &fn) != 0) {
		spin_unlock(&proc_subdir_lock);
		return -ENOENT;
	}
	len = strlen(fn);

	root = pde_subdir_find(parent, fn, len);
	if (!root) {
		spin_unlock(&proc_subdir_lock);
		return -ENOENT;
	}
	if (unlikely(pde_is_permanent(root))) {
		spin_unlock(&proc_subdir_lock);
		WARN(1, "removing permanent /proc entry '%s/%s'", root->parent->name, root->name);
		return -EINVAL;
	}
	host_unregister(root);
	pde_subdir_erase(root);

	de = root;
	while (1) {
		next = pde_subdir_first(de);
		if (next) {
			if (unlikely(pde_is_permanent(next))) {
				spin_unlock(&proc_subdir_lock);
				WARN(1, "removing permanent /proc entry '%s/%s'", next->parent->name, next->name);
				return -EINVAL;
			}
			pde_subdir_erase(next);
			de = next;
			continue;
		}
		next = de->parent;
		if (S_ISDIR(de->mode))
			next->nlink--;
		spin_unlock(&proc_subdir_lock);

		proc_entry_rundown(de);
		if (de == root)
			break;
		pde_put(de);

		spin_lock(&proc_subdir_lock);
		de = next;
	}
	pde_put(root);
	return 0;
}
EXPORT_SYMBOL(remove_proc_subtree);

void proc_remove(struct proc_dir_entry *de)
{
	if (de)
		remove_proc_subtree(de->name, de->parent);
}
EXPORT_SYMBOL(proc_remove);

/* The host removes what an unloaded module left behind (src/kernel/kernfs.ts). */
void __lkm_entry lkm_proc_remove(struct proc_dir_entry *de)
{
	if (de->linked)
		proc_remove(de);
}

/* ---- open files: proc_reg_file_ops ------------------------------------------------------------- */

static inline bool use_pde(struct proc_dir_entry *pde)
{
	return likely(atomic_inc_unless_negative(&pde->in_use));
}

static void unuse_pde(struct proc_dir_entry *pde)
{
	atomic_dec(&pde->in_use);
}

static ssize_t proc_reg_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct proc_dir_entry *pde = PDE(file_inode(file));
	ssize_t rv = -EIO;

	if (use_pde(pde)) {
		if (pde->proc_ops->proc_read)
			rv = pde->proc_ops->proc_read(file, buf, count, ppos);
		else if (pde->proc_ops->proc_read_iter)
			rv = lkm_sync_rw_iter(file, buf, count, ppos, ITER_DEST, pde->proc_ops->proc_read_iter);
		unuse_pde(pde);
	}
	return rv;
}

static ssize_t proc_reg_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	struct proc_dir_entry *pde = PDE(file_inode(file));
	ssize_t rv = -EIO;

	if (use_pde(pde)) {
		if (pde->proc_ops->proc_write)
			rv = pde->proc_ops->proc_write(file, buf, count, ppos);
		unuse_pde(pde);
	}
	return rv;
}

static loff_t proc_reg_llseek(struct file *file, loff_t offset, int whence)
{
	struct proc_dir_entry *pde = PDE(file_inode(file));
	loff_t rv = -EINVAL;

	if (use_pde(pde)) {
		rv = pde->proc_ops->proc_lseek(file, offset, whence);
		unuse_pde(pde);
	}
	return rv;
}

static __poll_t proc_reg_poll(struct file *file, struct poll_table_struct *pts)
{
	struct proc_dir_entry *pde = PDE(file_inode(file));
	__poll_t rv = DEFAULT_POLLMASK;

	if (use_pde(pde)) {
		if (pde->proc_ops->proc_poll)
			rv = pde->proc_ops->proc_poll(file, pts);
		unuse_pde(pde);
	}
	return rv;
}

static long proc_reg_unlocked_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct proc_dir_entry *pde = PDE(file_inode(file));
	long rv = -ENOTTY;

	if (use_pde(pde)) {
		if (pde->proc_ops->proc_ioctl)
			rv = pde->proc_ops->proc_ioctl(file, cmd, arg);
		unuse_pde(pde);
	}
	return rv;
}

static int proc_reg_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *pde = PDE(inode);
	int rv = 0;
	int (*open)(struct inode *, struct file *);
	int (*release)(struct inode *, struct file *);
	struct pde_opener *pdeo = NULL;

	if (!pde->proc_ops->proc_lseek)
		file->f_mode &= ~FMODE_LSEEK;

	/*
	 * Ensure that 1) the ->proc_release hook runs no matter what, by close() or by the removal of
	 * the entry, and 2) rmmod is not blocked by a process sitting on an open /proc file: every
	 * struct file with a ->proc_release hook is remembered.
	 */
	if (!use_pde(pde))
		return -ENOENT;

	release = pde->proc_ops->proc_release;
	if (release) {
		pdeo = kmalloc(sizeof(*pdeo), GFP_KERNEL);
		if (!pdeo) {
			rv = -ENOMEM;
			goto out_unuse;
		}
	}

	open = pde->proc_ops->proc_open;
	if (open)
		rv = open(inode, file);

	if (release) {
		if (rv == 0) {
			pdeo->file = file;
			pdeo->closing = false;
			spin_lock(&pde->pde_unload_lock);
			list_add(&pdeo->lh, &pde->pde_openers);
			spin_unlock(&pde->pde_unload_lock);
		} else {
			kfree(pdeo);
		}
	}

out_unuse:
	unuse_pde(pde);
	return rv;
}

static int proc_reg_release(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *pde = PDE(inode);
	struct pde_opener *pdeo;

	spin_lock(&pde->pde_unload_lock);
	list_for_each_entry(pdeo, &pde->pde_openers, lh) {
		if (pdeo->file == file) {
			close_pdeo(pde, pdeo);
			break;
		}
	}
	spin_unlock(&pde->pde_unload_lock);
	/* The inode's reference on the entry (evict_inode). */
	pde_put(pde);
	return 0;
}

static const struct file_operations proc_reg_file_ops = {
	.llseek		= proc_reg_llseek,
	.read		= proc_reg_read,
	.write		= proc_reg_write,
	.poll		= proc_reg_poll,
	.unlocked_ioctl	= proc_reg_unlocked_ioctl,
	.open		= proc_reg_open,
	.release	= proc_reg_release,
};

/* chmod(2) of a /proc entry (proc_notify_change): the permission bits the next open's inode gets. */
void __lkm_entry lkm_proc_chmod(struct proc_dir_entry *pde, umode_t mode)
{
	pde->mode = (pde->mode & S_IFMT) | (mode & S_IALLUGO);
}

/* open(2) of a /proc entry the host found by its path. Directories and links are not opened here. */
struct file *__lkm_entry lkm_proc_open(struct proc_dir_entry *pde, unsigned int flags)
{
	char path[KF_PATH_MAX];
	struct proc_inode *pi;
	struct file *file;

	if (!S_ISREG(pde->mode))
		return ERR_PTR(-EISDIR);
	if (atomic_read(&pde->in_use) < 0)
		return ERR_PTR(-ENOENT);
	pi = kzalloc(sizeof(*pi), GFP_KERNEL);
	if (!pi)
		return ERR_PTR(-ENOMEM);
	pi->pde = pde;
	pi->vfs_inode.i_mode = pde->mode;
	pi->vfs_inode.i_size = pde->size;
	pi->vfs_inode.i_uid = __kuid_val(pde->uid);
	pi->vfs_inode.i_gid = __kgid_val(pde->gid);
	pde_get(pde);
	pde_path(pde, path, sizeof(path));
	/* The dentry's names are inside procfs: "/proc/driver/rtc" is "rtc" in "driver" in "/". */
	file = lkm_open_inode(&pi->vfs_inode, &proc_reg_file_ops, flags, path + strlen("/proc"), S_IRUGO | S_IXUGO, NULL);
	if (IS_ERR(file)) {
		pde_put(pde);
		kfree(pi);
	}
	return file;
}
