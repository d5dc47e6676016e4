// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes of mounted file systems (fs/inode.c): new_inode() makes one on a superblock's list with one
 * reference; the dentry it is given to (d_instantiate()) owns that reference, and the last iput() evicts
 * it (the inodes here are never hashed, so nothing keeps an unused one, as for Linux's pseudo file
 * systems). Times come from the kernel's clock (time since boot: there is no real-time clock).
 */
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/kernel.h>

struct mnt_idmap {
	int unused;
};

/* The identity mapping of ids (every mount here is unmapped). */
struct mnt_idmap nop_mnt_idmap;
EXPORT_SYMBOL(nop_mnt_idmap);

static int no_open(struct inode *inode, struct file *file)
{
	return -ENXIO;
}

/* What an inode nobody set operations on has: opening it fails with ENXIO. */
static const struct file_operations no_open_fops = { .open = no_open };
static const struct inode_operations empty_iops;

void ktime_get_real_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_ns());
}
EXPORT_SYMBOL(ktime_get_real_ts64);

void ktime_get_coarse_real_ts64(struct timespec64 *ts)
{
	ktime_get_real_ts64(ts);
}
EXPORT_SYMBOL(ktime_get_coarse_real_ts64);

/* Now, truncated to what the file system can store (s_time_gran nanoseconds). */
struct timespec64 current_time(struct inode *inode)
{
	struct timespec64 now;
	u32 gran = inode->i_sb ? inode->i_sb->s_time_gran : 1;

	ktime_get_coarse_real_ts64(&now);
	if (gran > 1 && gran < NSEC_PER_SEC)
		now.tv_nsec -= now.tv_nsec % gran;
	else if (gran == NSEC_PER_SEC)
		now.tv_nsec = 0;
	return now;
}
EXPORT_SYMBOL(current_time);

struct timespec64 inode_set_ctime_current(struct inode *inode)
{
	return inode_set_ctime_to_ts(inode, current_time(inode));
}
EXPORT_SYMBOL(inode_set_ctime_current);

struct timespec64 simple_inode_init_ts(struct inode *inode)
{
	struct timespec64 ts = inode_set_ctime_current(inode);

	inode_set_atime_to_ts(inode, ts);
	inode_set_mtime_to_ts(inode, ts);
	return ts;
}
EXPORT_SYMBOL(simple_inode_init_ts);

/* Inode numbers for inodes that have no number of their own: 1, 2, 3, … */
unsigned int get_next_ino(void)
{
	static unsigned int last_ino;

	if (unlikely(++last_ino == 0))
		++last_ino;
	return last_ino;
}
EXPORT_SYMBOL(get_next_ino);

static struct inode *alloc_inode(struct super_block *sb)
{
	const struct super_operations *ops = sb->s_op;
	struct inode *inode;

	inode = ops->alloc_inode ? ops->alloc_inode(sb) : kmalloc(sizeof(*inode), GFP_KERNEL);
	if (!inode)
		return NULL;
	/* An inode embedded in a file system's own structure starts clean too (inode_init_once()). */
	memset(inode, 0, sizeof(*inode));
	inode->i_sb = sb;
	inode->i_op = &empty_iops;
	inode->i_fop = &no_open_fops;
	inode->__i_nlink = 1;
	atomic_set(&inode->i_count, 1);
	INIT_LIST_HEAD(&inode->i_sb_list);
	return inode;
}

static void destroy_inode(struct inode *inode)
{
	const struct super_operations *ops = inode->i_sb->s_op;

	if (ops->destroy_inode) {
		ops->destroy_inode(inode);
		if (!ops->free_inode)
			return;
	}
	if (ops->free_inode)
		ops->free_inode(inode);
	else
		kfree(inode);
}

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = alloc_inode(sb);

	if (inode)
		list_add(&inode->i_sb_list, &sb->s_inodes);
	return inode;
}
EXPORT_SYMBOL(new_inode);

void clear_inode(struct inode *inode)
{
	inode->i_state = 0;
}
EXPORT_SYMBOL(clear_inode);

static void evict(struct inode *inode)
{
	const struct super_operations *op = inode->i_sb->s_op;

	list_del_init(&inode->i_sb_list);
	if (op->evict_inode)
		op->evict_inode(inode);
	else
		clear_inode(inode);
	destroy_inode(inode);
}

/* Never hashed here, so an unused inode is always dropped; file systems may say so themselves. */
int generic_drop_inode(struct inode *inode)
{
	return 1;
}
EXPORT_SYMBOL(generic_drop_inode);

int generic_delete_inode(struct inode *inode)
{
	return 1;
}
EXPORT_SYMBOL(generic_delete_inode);

void iput(struct inode *inode)
{
	const struct super_operations *op;

	if (!inode)
		return;
	if (!atomic_dec_and_test(&inode->i_count))
		return;
	op = inode->i_sb->s_op;
	if (op->drop_inode && !op->drop_inode(inode) && (inode->i_sb->s_flags & SB_ACTIVE)) {
		/* Linux keeps such an inode cached until the superblock goes; nothing would find it here. */
		atomic_set(&inode->i_count, 0);
		return;
	}
	evict(inode);
}
EXPORT_SYMBOL(iput);

/* Evicts the unused inodes a ->drop_inode kept (generic_shutdown_super()). */
void lkm_evict_unused_inodes(struct super_block *sb)
{
	struct inode *inode, *next;

	list_for_each_entry_safe(inode, next, &sb->s_inodes, i_sb_list)
		if (atomic_read(&inode->i_count) == 0)
			evict(inode);
}

void ihold(struct inode *inode)
{
	WARN_ON(atomic_inc_return(&inode->i_count) < 2);
}
EXPORT_SYMBOL(ihold);

struct inode *igrab(struct inode *inode)
{
	atomic_inc(&inode->i_count);
	return inode;
}
EXPORT_SYMBOL(igrab);

void set_nlink(struct inode *inode, unsigned int nlink)
{
	inode->__i_nlink = nlink;
}
EXPORT_SYMBOL(set_nlink);

void inc_nlink(struct inode *inode)
{
	inode->__i_nlink++;
}
EXPORT_SYMBOL(inc_nlink);

void drop_nlink(struct inode *inode)
{
	WARN_ON(inode->i_nlink == 0);
	inode->__i_nlink--;
}
EXPORT_SYMBOL(drop_nlink);

void clear_nlink(struct inode *inode)
{
	inode->__i_nlink = 0;
}
EXPORT_SYMBOL(clear_nlink);

/* Everything runs as root: a new inode belongs to uid 0, gid 0 (or the directory's group if setgid). */
void inode_init_owner(struct mnt_idmap *idmap, struct inode *inode, const struct inode *dir, umode_t mode)
{
	inode->i_uid = 0;
	inode->i_gid = dir && (dir->i_mode & S_ISGID) ? dir->i_gid : 0;
	if (dir && (dir->i_mode & S_ISGID) && S_ISDIR(mode))
		mode |= S_ISGID;
	inode->i_mode = mode;
}
EXPORT_SYMBOL(inode_init_owner);

/* A device or FIFO node in a file system; opening one is not supported here (ENXIO). */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode) || S_ISBLK(mode))
		inode->i_rdev = rdev;
}
EXPORT_SYMBOL(init_special_inode);
