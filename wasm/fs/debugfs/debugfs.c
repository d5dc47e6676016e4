// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs (fs/debugfs/inode.c, file.c) at /sys/kernel/debug, and the simple attribute files of
 * fs/libfs.c. Files open through a proxy, as Linux's full proxy: the proxy holds the module of the
 * real file operations while the file is open (rmmod says "in use"), and once the debugfs file is
 * removed its open files fail with EIO instead of calling into the driver.
 */
#include <linux/export.h>
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/kstrtox.h>
#include <linux/poll.h>
#include <linux/err.h>
#include <linux/bug.h>
#include <linux/printk.h>
#include "kernfs-internal.h"

#undef pr_fmt
#define pr_fmt(fmt) "debugfs: " fmt

#define DEFAULT_POLLMASK (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)

/* A debugfs inode: the VFS inode first, so that the file layer frees it with kfree(). */
struct debugfs_inode {
	struct inode vfs_inode;
	struct kernfs_node *kn;
	const struct file_operations *real_fops;
};

static inline struct debugfs_inode *DI(const struct file *file)
{
	return container_of(file->f_inode, struct debugfs_inode, vfs_inode);
}

#define F_DENTRY(filp) ((struct dentry *)DI(filp)->kn)

/* debugfs's handles are kernfs nodes; an open file's f_path.dentry is a dentry that holds its node. */
static inline struct kernfs_node *KN(struct dentry *dentry)
{
	return dentry->lkm_magic == DENTRY_MAGIC ? dentry->d_fsdata : (struct kernfs_node *)dentry;
}

const struct file_operations *debugfs_real_fops(const struct file *filp)
{
	return DI(filp)->real_fops;
}
EXPORT_SYMBOL_GPL(debugfs_real_fops);

int debugfs_file_get(struct dentry *dentry)
{
	return KN(dentry)->removed ? -EIO : 0;
}
EXPORT_SYMBOL_GPL(debugfs_file_get);

void debugfs_file_put(struct dentry *dentry)
{
	(void)dentry;
}
EXPORT_SYMBOL_GPL(debugfs_file_put);

bool debugfs_initialized(void)
{
	return debugfs_root_kn != NULL;
}
EXPORT_SYMBOL_GPL(debugfs_initialized);

/* ---- the proxy ------------------------------------------------------------------------------------ */

static bool is_unsafe(struct file *filp)
{
	return DI(filp)->kn->kind == KN_DEBUGFS_UNSAFE;
}

/* A call through the proxy: refused once the file is removed (debugfs_create_file), or not (_unsafe). */
static int proxy_get(struct file *filp)
{
	return is_unsafe(filp) ? 0 : debugfs_file_get(F_DENTRY(filp));
}

static int full_proxy_open(struct inode *inode, struct file *filp)
{
	struct debugfs_inode *di = DI(filp);
	const struct file_operations *real_fops = di->kn->ops;
	int r;

	r = debugfs_file_get(F_DENTRY(filp));
	if (r)
		return r == -EIO ? -ENOENT : r;

	if (real_fops->owner && !try_module_get(real_fops->owner)) {
		if (!module_is_live(real_fops->owner))
			return -ENXIO;
		/* Huh? Module did not clean up after itself at exit? */
		WARN(1, "debugfs file owner did not clean up at exit: %s", di->kn->name);
		return -ENXIO;
	}
	di->real_fops = real_fops;

	if (real_fops->open) {
		r = real_fops->open(inode, filp);
		if (r) {
			module_put(real_fops->owner);
			di->real_fops = NULL;
			return r;
		}
	}
	if (!real_fops->llseek)
		filp->f_mode &= ~FMODE_LSEEK;
	return 0;
}

static ssize_t full_proxy_read(struct file *filp, char __user *buf, size_t size, loff_t *ppos)
{
	const struct file_operations *real_fops = DI(filp)->real_fops;
	int r;

	if (!real_fops->read)
		return -EINVAL;
	r = proxy_get(filp);
	if (r)
		return r;
	return real_fops->read(filp, buf, size, ppos);
}

static ssize_t full_proxy_write(struct file *filp, const char __user *buf, size_t size, loff_t *ppos)
{
	const struct file_operations *real_fops = DI(filp)->real_fops;
	int r;

	if (!real_fops->write)
		return -EINVAL;
	r = proxy_get(filp);
	if (r)
		return r;
	return real_fops->write(filp, buf, size, ppos);
}

static loff_t full_proxy_llseek(struct file *filp, loff_t offset, int whence)
{
	const struct file_operations *real_fops = DI(filp)->real_fops;
	int r;

	r = proxy_get(filp);
	if (r)
		return r;
	return real_fops->llseek(filp, offset, whence);
}

static __poll_t full_proxy_poll(struct file *filp, struct poll_table_struct *wait)
{
	const struct file_operations *real_fops = DI(filp)->real_fops;

	if (!real_fops->poll)
		return DEFAULT_POLLMASK;
	if (proxy_get(filp))
		return EPOLLHUP;
	return real_fops->poll(filp, wait);
}

static long full_proxy_unlocked_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	const struct file_operations *real_fops = DI(filp)->real_fops;
	int r;

	if (!real_fops->unlocked_ioctl)
		return -ENOTTY;
	r = proxy_get(filp);
	if (r)
		return r;
	return real_fops->unlocked_ioctl(filp, cmd, arg);
}

static int full_proxy_release(struct inode *inode, struct file *filp)
{
	struct debugfs_inode *di = DI(filp);
	const struct file_operations *real_fops = di->real_fops;
	int r = 0;

	/*
	 * The original releaser is called unconditionally so as not to leak any resources. Releasers
	 * must not assume that ->i_private is still meaningful here.
	 */
	if (real_fops->release)
		r = real_fops->release(inode, filp);
	module_put(real_fops->owner);
	kernfs_put(di->kn);
	return r;
}

static const struct file_operations debugfs_full_proxy_file_operations = {
	.open		= full_proxy_open,
	.read		= full_proxy_read,
	.write		= full_proxy_write,
	.llseek		= full_proxy_llseek,
	.poll		= full_proxy_poll,
	.unlocked_ioctl	= full_proxy_unlocked_ioctl,
	.release	= full_proxy_release,
};

struct file *debugfs_open_node(struct kernfs_node *kn, unsigned int flags)
{
	struct debugfs_inode *di = kzalloc(sizeof(*di), GFP_KERNEL);
	char path[KF_PATH_MAX];
	struct file *file;

	if (!di)
		return ERR_PTR(-ENOMEM);
	di->kn = kn;
	di->vfs_inode.i_mode = kn->mode;
	di->vfs_inode.i_size = kn->size;
	di->vfs_inode.i_private = kn->priv;
	kernfs_get(kn);
	kernfs_path(kn, path, sizeof(path));
	/* d_fsdata: what debugfs_file_get(file->f_path.dentry) finds, the node (Linux: its fsdata). */
	file = lkm_open_inode(&di->vfs_inode, &debugfs_full_proxy_file_operations, flags, path, S_IRWXU, kn);
	if (IS_ERR(file)) {
		kernfs_put(kn);
		kfree(di);
	}
	return file;
}

/* ---- creation and removal ------------------------------------------------------------------------ */

static ssize_t default_read_file(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	(void)file; (void)buf; (void)count; (void)ppos;
	return 0;
}

static ssize_t default_write_file(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	(void)file; (void)buf; (void)ppos;
	return count;
}

static const struct file_operations debugfs_noop_file_operations = {
	.read =		default_read_file,
	.write =	default_write_file,
	.open =		simple_open,
	.llseek =	noop_llseek,
};

static struct kernfs_node *start_creating(const char *name, struct dentry *parent)
{
	struct kernfs_node *dir, *kn;

	if (IS_ERR(parent))
		return (struct kernfs_node *)parent;
	dir = parent ? KN(parent) : debugfs_root_kn;
	if (!dir || dir->removed)
		return ERR_PTR(-ENOENT);
	kn = kernfs_find(dir, name);
	if (kn) {
		const char *pname = dir->parent ? dir->name : "/";

		if (kn->type & KERNFS_DIR)
			pr_err("Directory '%s' with parent '%s' already present!\n", name, pname);
		else
			pr_err("File '%s' in directory '%s' already present!\n", name, pname);
		return ERR_PTR(-EEXIST);
	}
	return dir;
}

static struct dentry *__debugfs_create_file(const char *name, umode_t mode, struct dentry *parent, void *data,
					    const struct file_operations *real_fops, unsigned short kind,
					    loff_t size)
{
	struct kernfs_node *dir, *kn;

	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	BUG_ON(!S_ISREG(mode));
	dir = start_creating(name, parent);
	if (IS_ERR(dir))
		return (struct dentry *)dir;

	if (!real_fops)
		real_fops = &debugfs_noop_file_operations;
	kn = kernfs_create_file(dir, name, mode, size, kind, real_fops, data, NULL, real_fops, data);
	return (struct dentry *)kn;
}

struct dentry *debugfs_create_file(const char *name, umode_t mode, struct dentry *parent, void *data,
				   const struct file_operations *fops)
{
	return __debugfs_create_file(name, mode, parent, data, fops, KN_DEBUGFS, 0);
}
EXPORT_SYMBOL_GPL(debugfs_create_file);

struct dentry *debugfs_create_file_unsafe(const char *name, umode_t mode, struct dentry *parent, void *data,
					  const struct file_operations *fops)
{
	return __debugfs_create_file(name, mode, parent, data, fops, KN_DEBUGFS_UNSAFE, 0);
}
EXPORT_SYMBOL_GPL(debugfs_create_file_unsafe);

void debugfs_create_file_size(const char *name, umode_t mode, struct dentry *parent, void *data,
			      const struct file_operations *fops, loff_t file_size)
{
	__debugfs_create_file(name, mode, parent, data, fops, KN_DEBUGFS, file_size);
}
EXPORT_SYMBOL_GPL(debugfs_create_file_size);

struct dentry *debugfs_create_dir(const char *name, struct dentry *parent)
{
	struct kernfs_node *dir = start_creating(name, parent);

	if (IS_ERR(dir))
		return (struct dentry *)dir;
	return (struct dentry *)kernfs_create_dir(dir, name, S_IRWXU | S_IRUGO | S_IXUGO, NULL);
}
EXPORT_SYMBOL_GPL(debugfs_create_dir);

struct dentry *debugfs_create_symlink(const char *name, struct dentry *parent, const char *target)
{
	struct kernfs_node *dir = start_creating(name, parent);

	if (IS_ERR(dir))
		return (struct dentry *)dir;
	return (struct dentry *)kernfs_create_link(dir, name, target);
}
EXPORT_SYMBOL_GPL(debugfs_create_symlink);

void debugfs_remove(struct dentry *dentry)
{
	if (IS_ERR_OR_NULL(dentry))
		return;
	kernfs_remove(KN(dentry));
}
EXPORT_SYMBOL_GPL(debugfs_remove);

struct dentry *debugfs_lookup(const char *name, struct dentry *parent)
{
	struct kernfs_node *kn;

	if (!name || IS_ERR(parent))
		return NULL;
	kn = kernfs_find(parent ? KN(parent) : debugfs_root_kn, name);
	if (!kn)
		return NULL;
	kernfs_get(kn);
	return (struct dentry *)kn;
}
EXPORT_SYMBOL_GPL(debugfs_lookup);

/* dput() of a debugfs handle (dcache.c's dput() tells handles from dentries and sends them here). */
void debugfs_dput_handle(struct dentry *dentry)
{
	kernfs_put(KN(dentry));
}

void debugfs_lookup_and_remove(const char *name, struct dentry *parent)
{
	struct dentry *dentry;

	dentry = debugfs_lookup(name, parent);
	if (!dentry)
		return;

	debugfs_remove(dentry);
	dput(dentry);
}
EXPORT_SYMBOL_GPL(debugfs_lookup_and_remove);

/* ---- simple attributes (fs/libfs.c) --------------------------------------------------------------- */

struct simple_attr {
	int (*get)(void *, u64 *);
	int (*set)(void *, u64);
	char get_buf[24];	/* enough to store a u64 and "\n\0" */
	char set_buf[24];
	void *data;
	const char *fmt;	/* format for read operation */
	struct mutex mutex;	/* protects access to these buffers */
};

void __simple_attr_check_format(const char *fmt, ...)
{
	(void)fmt;
}
EXPORT_SYMBOL_GPL(__simple_attr_check_format);

int simple_attr_open(struct inode *inode, struct file *file, int (*get)(void *, u64 *),
		     int (*set)(void *, u64), const char *fmt)
{
	struct simple_attr *attr;

	attr = kzalloc(sizeof(*attr), GFP_KERNEL);
	if (!attr)
		return -ENOMEM;

	attr->get = get;
	attr->set = set;
	attr->data = inode->i_private;
	attr->fmt = fmt;
	mutex_init(&attr->mutex);

	file->private_data = attr;

	return nonseekable_open(inode, file);
}
EXPORT_SYMBOL_GPL(simple_attr_open);

int simple_attr_release(struct inode *inode, struct file *file)
{
	(void)inode;
	kfree(file->private_data);
	return 0;
}
EXPORT_SYMBOL_GPL(simple_attr_release);

ssize_t simple_attr_read(struct file *file, char __user *buf, size_t len, loff_t *ppos)
{
	struct simple_attr *attr;
	size_t size;
	ssize_t ret;

	attr = file->private_data;

	if (!attr->get)
		return -EACCES;

	mutex_lock(&attr->mutex);

	if (*ppos && attr->get_buf[0]) {
		/* continued read */
		size = strlen(attr->get_buf);
	} else {
		/* first read */
		u64 val;

		ret = attr->get(attr->data, &val);
		if (ret)
			goto out;

		size = scnprintf(attr->get_buf, sizeof(attr->get_buf), attr->fmt, (unsigned long long)val);
	}

	ret = simple_read_from_buffer(buf, len, ppos, attr->get_buf, size);
out:
	mutex_unlock(&attr->mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(simple_attr_read);

static ssize_t simple_attr_write_xsigned(struct file *file, const char __user *buf, size_t len, loff_t *ppos,
					 bool is_signed)
{
	struct simple_attr *attr;
	unsigned long long val;
	size_t size;
	ssize_t ret;

	(void)ppos;
	attr = file->private_data;
	if (!attr->set)
		return -EACCES;

	mutex_lock(&attr->mutex);

	ret = -EFAULT;
	size = min(sizeof(attr->set_buf) - 1, len);
	if (copy_from_user(attr->set_buf, buf, size))
		goto out;

	attr->set_buf[size] = '\0';
	if (is_signed)
		ret = kstrtoll(attr->set_buf, 0, (long long *)&val);
	else
		ret = kstrtoull(attr->set_buf, 0, &val);
	if (ret)
		goto out;
	ret = attr->set(attr->data, val);
	if (ret == 0)
		ret = len; /* on success, claim we got the whole input */
out:
	mutex_unlock(&attr->mutex);
	return ret;
}

ssize_t simple_attr_write(struct file *file, const char __user *buf, size_t len, loff_t *ppos)
{
	return simple_attr_write_xsigned(file, buf, len, ppos, false);
}
EXPORT_SYMBOL_GPL(simple_attr_write);

ssize_t simple_attr_write_signed(struct file *file, const char __user *buf, size_t len, loff_t *ppos)
{
	return simple_attr_write_xsigned(file, buf, len, ppos, true);
}
EXPORT_SYMBOL_GPL(simple_attr_write_signed);

ssize_t debugfs_attr_read(struct file *file, char __user *buf, size_t len, loff_t *ppos)
{
	struct dentry *dentry = F_DENTRY(file);
	ssize_t ret;

	ret = debugfs_file_get(dentry);
	if (unlikely(ret))
		return ret;
	ret = simple_attr_read(file, buf, len, ppos);
	debugfs_file_put(dentry);
	return ret;
}
EXPORT_SYMBOL_GPL(debugfs_attr_read);

static ssize_t debugfs_attr_write_xsigned(struct file *file, const char __user *buf, size_t len, loff_t *ppos,
					  bool is_signed)
{
	struct dentry *dentry = F_DENTRY(file);
	ssize_t ret;

	ret = debugfs_file_get(dentry);
	if (unlikely(ret))
		return ret;
	ret = simple_attr_write_xsigned(file, buf, len, ppos, is_signed);
	debugfs_file_put(dentry);
	return ret;
}

ssize_t debugfs_attr_write(struct file *file, const char __user *buf, size_t len, loff_t *ppos)
{
	return debugfs_attr_write_xsigned(file, buf, len, ppos, false);
}
EXPORT_SYMBOL_GPL(debugfs_attr_write);

ssize_t debugfs_attr_write_signed(struct file *file, const char __user *buf, size_t len, loff_t *ppos)
{
	return debugfs_attr_write_xsigned(file, buf, len, ppos, true);
}
EXPORT_SYMBOL_GPL(debugfs_attr_write_signed);

/* ---- number, bool and blob files ------------------------------------------------------------------ */

static struct dentry *debugfs_create_mode_unsafe(const char *name, umode_t mode, struct dentry *parent,
						 void *value, const struct file_operations *fops,
						 const struct file_operations *fops_ro,
						 const struct file_operations *fops_wo)
{
	/* if there are no write bits set, make read only */
	if (!(mode & S_IWUGO))
		return debugfs_create_file_unsafe(name, mode, parent, value, fops_ro);
	/* if there are no read bits set, make write only */
	if (!(mode & S_IRUGO))
		return debugfs_create_file_unsafe(name, mode, parent, value, fops_wo);

	return debugfs_create_file_unsafe(name, mode, parent, value, fops);
}

static int debugfs_u8_set(void *data, u64 val) { *(u8 *)data = val; return 0; }
static int debugfs_u8_get(void *data, u64 *val) { *val = *(u8 *)data; return 0; }
static int debugfs_u16_set(void *data, u64 val) { *(u16 *)data = val; return 0; }
static int debugfs_u16_get(void *data, u64 *val) { *val = *(u16 *)data; return 0; }
static int debugfs_u32_set(void *data, u64 val) { *(u32 *)data = val; return 0; }
static int debugfs_u32_get(void *data, u64 *val) { *val = *(u32 *)data; return 0; }
static int debugfs_u64_set(void *data, u64 val) { *(u64 *)data = val; return 0; }
static int debugfs_u64_get(void *data, u64 *val) { *val = *(u64 *)data; return 0; }
static int debugfs_ulong_set(void *data, u64 val) { *(unsigned long *)data = val; return 0; }
static int debugfs_ulong_get(void *data, u64 *val) { *val = *(unsigned long *)data; return 0; }
static int debugfs_size_t_set(void *data, u64 val) { *(size_t *)data = val; return 0; }
static int debugfs_size_t_get(void *data, u64 *val) { *val = *(size_t *)data; return 0; }
static int debugfs_atomic_t_set(void *data, u64 val) { atomic_set((atomic_t *)data, val); return 0; }
static int debugfs_atomic_t_get(void *data, u64 *val) { *val = atomic_read((atomic_t *)data); return 0; }

#define DEBUGFS_FOPS(name, get, set, fmt)						\
	DEFINE_DEBUGFS_ATTRIBUTE(fops_##name, get, set, fmt);				\
	DEFINE_DEBUGFS_ATTRIBUTE(fops_##name##_ro, get, NULL, fmt);			\
	DEFINE_DEBUGFS_ATTRIBUTE(fops_##name##_wo, NULL, set, fmt)

DEBUGFS_FOPS(u8, debugfs_u8_get, debugfs_u8_set, "%llu\n");
DEBUGFS_FOPS(u16, debugfs_u16_get, debugfs_u16_set, "%llu\n");
DEBUGFS_FOPS(u32, debugfs_u32_get, debugfs_u32_set, "%llu\n");
DEBUGFS_FOPS(u64, debugfs_u64_get, debugfs_u64_set, "%llu\n");
DEBUGFS_FOPS(ulong, debugfs_ulong_get, debugfs_ulong_set, "%llu\n");
DEBUGFS_FOPS(x8, debugfs_u8_get, debugfs_u8_set, "0x%02llx\n");
DEBUGFS_FOPS(x16, debugfs_u16_get, debugfs_u16_set, "0x%04llx\n");
DEBUGFS_FOPS(x32, debugfs_u32_get, debugfs_u32_set, "0x%08llx\n");
DEBUGFS_FOPS(x64, debugfs_u64_get, debugfs_u64_set, "0x%016llx\n");
DEBUGFS_FOPS(size_t, debugfs_size_t_get, debugfs_size_t_set, "%llu\n");
DEFINE_DEBUGFS_ATTRIBUTE_SIGNED(fops_atomic_t, debugfs_atomic_t_get, debugfs_atomic_t_set, "%lld\n");
DEFINE_DEBUGFS_ATTRIBUTE_SIGNED(fops_atomic_t_ro, debugfs_atomic_t_get, NULL, "%lld\n");
DEFINE_DEBUGFS_ATTRIBUTE_SIGNED(fops_atomic_t_wo, NULL, debugfs_atomic_t_set, "%lld\n");

#define DEBUGFS_CREATE(name, type)								\
void debugfs_create_##name(const char *fname, umode_t mode, struct dentry *parent, type *value)	\
{												\
	debugfs_create_mode_unsafe(fname, mode, parent, value, &fops_##name, &fops_##name##_ro,	\
				   &fops_##name##_wo);						\
}												\
EXPORT_SYMBOL_GPL(debugfs_create_##name)

DEBUGFS_CREATE(u8, u8);
DEBUGFS_CREATE(u16, u16);
DEBUGFS_CREATE(u32, u32);
DEBUGFS_CREATE(u64, u64);
DEBUGFS_CREATE(ulong, unsigned long);
DEBUGFS_CREATE(x8, u8);
DEBUGFS_CREATE(x16, u16);
DEBUGFS_CREATE(x32, u32);
DEBUGFS_CREATE(x64, u64);
DEBUGFS_CREATE(size_t, size_t);
DEBUGFS_CREATE(atomic_t, atomic_t);

ssize_t debugfs_read_file_bool(struct file *file, char __user *user_buf, size_t count, loff_t *ppos)
{
	char buf[2];
	bool val;
	int r;
	struct dentry *dentry = F_DENTRY(file);

	r = debugfs_file_get(dentry);
	if (unlikely(r))
		return r;
	val = *(bool *)file->private_data;
	debugfs_file_put(dentry);

	if (val)
		buf[0] = 'Y';
	else
		buf[0] = 'N';
	buf[1] = '\n';
	return simple_read_from_buffer(user_buf, count, ppos, buf, 2);
}
EXPORT_SYMBOL_GPL(debugfs_read_file_bool);

ssize_t debugfs_write_file_bool(struct file *file, const char __user *user_buf, size_t count, loff_t *ppos)
{
	bool bv;
	int r;
	bool *val = file->private_data;
	struct dentry *dentry = F_DENTRY(file);

	(void)ppos;
	r = kstrtobool_from_user(user_buf, count, &bv);
	if (!r) {
		r = debugfs_file_get(dentry);
		if (unlikely(r))
			return r;
		*val = bv;
		debugfs_file_put(dentry);
	}

	return count;
}
EXPORT_SYMBOL_GPL(debugfs_write_file_bool);

static const struct file_operations fops_bool = {
	.read =		debugfs_read_file_bool,
	.write =	debugfs_write_file_bool,
	.open =		simple_open,
	.llseek =	default_llseek,
};

static const struct file_operations fops_bool_ro = {
	.read =		debugfs_read_file_bool,
	.open =		simple_open,
	.llseek =	default_llseek,
};

static const struct file_operations fops_bool_wo = {
	.write =	debugfs_write_file_bool,
	.open =		simple_open,
	.llseek =	default_llseek,
};

void debugfs_create_bool(const char *name, umode_t mode, struct dentry *parent, bool *value)
{
	debugfs_create_mode_unsafe(name, mode, parent, value, &fops_bool, &fops_bool_ro, &fops_bool_wo);
}
EXPORT_SYMBOL_GPL(debugfs_create_bool);

static ssize_t read_file_blob(struct file *file, char __user *user_buf, size_t count, loff_t *ppos)
{
	struct debugfs_blob_wrapper *blob = file->private_data;
	struct dentry *dentry = F_DENTRY(file);
	ssize_t r;

	r = debugfs_file_get(dentry);
	if (unlikely(r))
		return r;
	r = simple_read_from_buffer(user_buf, count, ppos, blob->data, blob->size);
	debugfs_file_put(dentry);
	return r;
}

static ssize_t write_file_blob(struct file *file, const char __user *user_buf, size_t count, loff_t *ppos)
{
	struct debugfs_blob_wrapper *blob = file->private_data;
	struct dentry *dentry = F_DENTRY(file);
	ssize_t r;

	r = debugfs_file_get(dentry);
	if (unlikely(r))
		return r;
	r = simple_write_to_buffer(blob->data, blob->size, ppos, user_buf, count);
	debugfs_file_put(dentry);
	return r;
}

static const struct file_operations fops_blob = {
	.read =		read_file_blob,
	.write =	write_file_blob,
	.open =		simple_open,
	.llseek =	default_llseek,
};

struct dentry *debugfs_create_blob(const char *name, umode_t mode, struct dentry *parent,
				   struct debugfs_blob_wrapper *blob)
{
	return debugfs_create_file_unsafe(name, mode & 0644, parent, blob, &fops_blob);
}
EXPORT_SYMBOL_GPL(debugfs_create_blob);

/* Boot: debugfs mounted at /sys/kernel/debug. */
int __lkm_entry lkm_init_debugfs(void)
{
	lkm_sysfs_init();
	debugfs_root_kn = kernfs_new_root("/sys/kernel/debug");
	if (!debugfs_root_kn)
		return -ENOMEM;
	host_kernfs(KF_ADD_DIR, "/sys/kernel/debug", debugfs_root_kn, S_IFDIR | 0700, NULL, NULL);
	return 0;
}
