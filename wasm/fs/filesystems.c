// SPDX-License-Identifier: GPL-2.0
/*
 * The registry of file system types (fs/filesystems.c): register_filesystem() appends a type to one
 * list, get_fs_type() finds one by name for mount(2) and takes a reference on the module that owns it,
 * asking modprobe for "fs-NAME" first when nobody registered the name, and /proc/filesystems lists
 * them in registration order.
 */
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include "host.h"

__host_import(request_module) int host_request_module(const char *name, int wait);

static struct file_system_type *file_systems;

struct file_system_type *get_filesystem(struct file_system_type *fs)
{
	__module_get(fs->owner);
	return fs;
}
EXPORT_SYMBOL(get_filesystem);

void put_filesystem(struct file_system_type *fs)
{
	module_put(fs->owner);
}
EXPORT_SYMBOL(put_filesystem);

/* The link that points at the type called @name (@len bytes), or at the list's end. */
static struct file_system_type **find_filesystem(const char *name, unsigned int len)
{
	struct file_system_type **p;

	for (p = &file_systems; *p; p = &(*p)->next)
		if (strncmp((*p)->name, name, len) == 0 && !(*p)->name[len])
			break;
	return p;
}

/* A name with a dot in it is "type.subtype": only the type part is looked up. */
int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;

	BUG_ON(strchr(fs->name, '.'));
	if (fs->next)
		return -EBUSY;
	p = find_filesystem(fs->name, strlen(fs->name));
	if (*p)
		return -EBUSY;
	*p = fs;
	return 0;
}
EXPORT_SYMBOL(register_filesystem);

int unregister_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;

	for (p = &file_systems; *p; p = &(*p)->next) {
		if (*p == fs) {
			*p = fs->next;
			fs->next = NULL;
			return 0;
		}
	}
	return -EINVAL;
}
EXPORT_SYMBOL(unregister_filesystem);

static struct file_system_type *__get_fs_type(const char *name, int len)
{
	struct file_system_type *fs = *find_filesystem(name, len);

	/* A module on its way out has a type that can no longer be used. */
	if (fs && !try_module_get(fs->owner))
		fs = NULL;
	return fs;
}

/*
 * request_module() that says whether the module was really waited for: the host answers 2-mode calls
 * with -EAGAIN when it only started modprobe (a call that cannot wait), so a second lookup that finds
 * nothing is not reported as a module that registered nothing (docs/module-format.md §7).
 */
static int request_fs_module(const char *name, int len)
{
	char mod[MODULE_NAME_LEN];

	if (snprintf(mod, sizeof(mod), "fs-%.*s", len, name) >= (int)sizeof(mod))
		return -ENAMETOOLONG;
	return host_request_module(mod, 2);
}

struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *fs;
	const char *dot = strchr(name, '.');
	int len = dot ? dot - name : strlen(name);
	static bool warned;

	fs = __get_fs_type(name, len);
	if (!fs && request_fs_module(name, len) == 0) {
		fs = __get_fs_type(name, len);
		if (!fs && !warned) {
			warned = true;
			pr_warn("request_module fs-%.*s succeeded, but still no fs?\n", len, name);
		}
	}
	if (dot && fs && !(fs->fs_flags & FS_HAS_SUBTYPE)) {
		put_filesystem(fs);
		fs = NULL;
	}
	return fs;
}
EXPORT_SYMBOL(get_fs_type);

/* /proc/filesystems: "nodev\tNAME" for types that need no device, "\tNAME" for the others. */
int __lkm_entry lkm_proc_filesystems(char *buf, int size)
{
	struct file_system_type *p;
	int n = 0;

	for (p = file_systems; p; p = p->next)
		n += scnprintf(buf + n, size - n, "%s\t%s\n", (p->fs_flags & FS_REQUIRES_DEV) ? "" : "nodev", p->name);
	return n;
}

/*
 * At unload (after exit(), and after a failed init): a type the module left registered would point into
 * freed memory (Linux crashes on the next /proc/filesystems or mount). Reported and unregistered, as
 * kernfs entries are (docs/driver-api.md).
 */
void __lkm_entry lkm_filesystems_module_gone(struct module *mod)
{
	struct file_system_type **p = &file_systems;

	while (*p) {
		struct file_system_type *fs = *p;

		if (fs->owner != mod) {
			p = &fs->next;
			continue;
		}
		pr_warn("%s: file system type '%s' not unregistered at unload: removing it\n", mod->name, fs->name);
		*p = fs->next;
		fs->next = NULL;
	}
}
