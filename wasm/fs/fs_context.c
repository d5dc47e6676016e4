// SPDX-License-Identifier: GPL-2.0
/*
 * Mount contexts (fs/fs_context.c): mount(2) makes one for the type, hands it the source and the
 * options, and asks the type for its tree. A type without ->init_fs_context gets the legacy context,
 * which collects the options into one string for its ->mount. Errors about options are logged as
 * Linux logs them for mount(2) (there is no fsopen(2) log to put them in).
 */
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <linux/printk.h>

/* Options that are superblock flags for every file system (vfs_parse_sb_flag()). */
static const struct { const char *name; unsigned int flag; bool set; } sb_flag_options[] = {
	{ "dirsync", SB_DIRSYNC, true }, { "lazytime", SB_LAZYTIME, true }, { "mand", SB_MANDLOCK, true },
	{ "ro", SB_RDONLY, true }, { "sync", SB_SYNCHRONOUS, true },
	{ "async", SB_SYNCHRONOUS, false }, { "nolazytime", SB_LAZYTIME, false },
	{ "nomand", SB_MANDLOCK, false }, { "rw", SB_RDONLY, false },
};

static int vfs_parse_sb_flag(struct fs_context *fc, const char *key)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sb_flag_options); i++) {
		if (strcmp(key, sb_flag_options[i].name))
			continue;
		if (sb_flag_options[i].set)
			fc->sb_flags |= sb_flag_options[i].flag;
		else
			fc->sb_flags &= ~sb_flag_options[i].flag;
		fc->sb_flags_mask |= sb_flag_options[i].flag;
		return 0;
	}
	return -ENOPARAM;
}

void logfc(struct fc_log *log, const char *prefix, char level, const char *fmt, ...)
{
	struct va_format vaf;
	va_list va;

	va_start(va, fmt);
	vaf.fmt = fmt;
	vaf.va = &va;
	switch (level) {
	case 'w':
		printk(KERN_WARNING "%s%s%pV\n", prefix ? prefix : "", prefix ? ": " : "", &vaf);
		break;
	case 'e':
		printk(KERN_ERR "%s%s%pV\n", prefix ? prefix : "", prefix ? ": " : "", &vaf);
		break;
	default:
		printk(KERN_NOTICE "%s%s%pV\n", prefix ? prefix : "", prefix ? ": " : "", &vaf);
		break;
	}
	va_end(va);
}
EXPORT_SYMBOL(logfc);

/* The "source" option is the device name (mount(2)'s first argument). */
int vfs_parse_fs_param_source(struct fs_context *fc, struct fs_parameter *param)
{
	if (strcmp(param->key, "source") != 0)
		return -ENOPARAM;
	if (param->type != fs_value_is_string)
		return invalf(fc, "Non-string source");
	if (fc->source)
		return invalf(fc, "Multiple sources");
	fc->source = param->string;
	param->string = NULL;
	return 0;
}
EXPORT_SYMBOL(vfs_parse_fs_param_source);

int vfs_parse_fs_param(struct fs_context *fc, struct fs_parameter *param)
{
	int ret;

	if (!param->key)
		return invalf(fc, "Unnamed parameter\n");
	ret = vfs_parse_sb_flag(fc, param->key);
	if (ret != -ENOPARAM)
		return ret;
	if (fc->ops->parse_param) {
		ret = fc->ops->parse_param(fc, param);
		if (ret != -ENOPARAM)
			return ret;
	}
	ret = vfs_parse_fs_param_source(fc, param);
	if (ret != -ENOPARAM)
		return ret;
	return invalf(fc, "%s: Unknown parameter '%s'", fc->fs_type->name, param->key);
}
EXPORT_SYMBOL(vfs_parse_fs_param);

int vfs_parse_fs_string(struct fs_context *fc, const char *key, const char *value, size_t v_size)
{
	struct fs_parameter param = { .key = key, .type = fs_value_is_flag, .size = v_size };
	int ret;

	if (value) {
		param.string = kmemdup_nul(value, v_size, GFP_KERNEL);
		if (!param.string)
			return -ENOMEM;
		param.type = fs_value_is_string;
	}
	ret = vfs_parse_fs_param(fc, &param);
	kfree(param.string);
	return ret;
}
EXPORT_SYMBOL(vfs_parse_fs_string);

/* "a,b=1,c": one parameter per comma-separated option; a key may have a value after '='. */
int generic_parse_monolithic(struct fs_context *fc, void *data)
{
	char *options = data, *key;
	int ret;

	if (!options)
		return 0;
	while ((key = strsep(&options, ",")) != NULL) {
		char *value;
		size_t v_len = 0;
		size_t len;

		if (!*key)
			continue;
		value = strchr(key, '=');
		if (value) {
			if (value == key)
				continue;
			*value++ = 0;
			v_len = strlen(value);
		}
		len = strlen(key);
		key = kmemdup_nul(key, len, GFP_KERNEL);
		if (!key)
			return -ENOMEM;
		ret = vfs_parse_fs_string(fc, key, value, v_len);
		kfree(key);
		if (ret < 0)
			return ret;
	}
	return 0;
}
EXPORT_SYMBOL(generic_parse_monolithic);

/* ---- The legacy context: options for ->mount ---------------------------------------------------- */

enum legacy_fs_param { LEGACY_FS_UNSET_PARAMS, LEGACY_FS_MONOLITHIC_PARAMS, LEGACY_FS_INDIVIDUAL_PARAMS };

struct legacy_fs_context {
	char *legacy_data;
	size_t data_size;
	enum legacy_fs_param param_type;
};

static void legacy_fs_context_free(struct fs_context *fc)
{
	struct legacy_fs_context *ctx = fc->fs_private;

	if (ctx && ctx->param_type == LEGACY_FS_INDIVIDUAL_PARAMS)
		kfree(ctx->legacy_data);
	kfree(ctx);
}

static int legacy_parse_param(struct fs_context *fc, struct fs_parameter *param)
{
	struct legacy_fs_context *ctx = fc->fs_private;
	size_t size = ctx->data_size, len;

	if (strcmp(param->key, "source") == 0) {
		if (param->type != fs_value_is_string)
			return invalf(fc, "VFS: Legacy: Non-string source");
		if (fc->source)
			return invalf(fc, "VFS: Legacy: Multiple sources");
		fc->source = param->string;
		param->string = NULL;
		return 0;
	}
	if (ctx->param_type == LEGACY_FS_MONOLITHIC_PARAMS)
		return invalf(fc, "VFS: Legacy: Can't mix monolithic and individual options");
	len = strlen(param->key) + (param->type == fs_value_is_string ? 1 + param->size : 0);
	if (size + len + 2 > PAGE_SIZE)
		return invalf(fc, "VFS: Legacy: Cumulative options too large");
	if (!ctx->legacy_data) {
		ctx->legacy_data = kmalloc(PAGE_SIZE, GFP_KERNEL);
		if (!ctx->legacy_data)
			return -ENOMEM;
	}
	if (size)
		ctx->legacy_data[size++] = ',';
	size += sprintf(ctx->legacy_data + size, "%s", param->key);
	if (param->type == fs_value_is_string)
		size += sprintf(ctx->legacy_data + size, "=%s", param->string);
	ctx->data_size = size;
	ctx->param_type = LEGACY_FS_INDIVIDUAL_PARAMS;
	return 0;
}

/* mount(2)'s data goes to ->mount as it came. */
static int legacy_parse_monolithic(struct fs_context *fc, void *data)
{
	struct legacy_fs_context *ctx = fc->fs_private;

	if (ctx->param_type != LEGACY_FS_UNSET_PARAMS)
		return invalf(fc, "VFS: Legacy: Can't mix monolithic and individual options");
	ctx->legacy_data = data;
	ctx->param_type = LEGACY_FS_MONOLITHIC_PARAMS;
	return 0;
}

static int legacy_get_tree(struct fs_context *fc)
{
	struct legacy_fs_context *ctx = fc->fs_private;
	struct dentry *root;

	root = fc->fs_type->mount(fc->fs_type, fc->sb_flags, fc->source, ctx->legacy_data);
	if (IS_ERR(root))
		return PTR_ERR(root);
	BUG_ON(!root->d_sb);
	fc->root = root;
	return 0;
}

static const struct fs_context_operations legacy_fs_context_ops = {
	.free			= legacy_fs_context_free,
	.parse_param		= legacy_parse_param,
	.parse_monolithic	= legacy_parse_monolithic,
	.get_tree		= legacy_get_tree,
};

static int legacy_init_fs_context(struct fs_context *fc)
{
	fc->fs_private = kzalloc(sizeof(struct legacy_fs_context), GFP_KERNEL);
	if (!fc->fs_private)
		return -ENOMEM;
	fc->ops = &legacy_fs_context_ops;
	return 0;
}

/* ---- The context's life ----------------------------------------------------------------------- */

struct fs_context *fs_context_for_mount(struct file_system_type *fs_type, unsigned int sb_flags)
{
	int (*init_fs_context)(struct fs_context *);
	struct fs_context *fc;
	int ret;

	fc = kzalloc(sizeof(*fc), GFP_KERNEL);
	if (!fc)
		return ERR_PTR(-ENOMEM);
	fc->purpose = FS_CONTEXT_FOR_MOUNT;
	fc->sb_flags = sb_flags;
	fc->fs_type = get_filesystem(fs_type);
	fc->log.prefix = fs_type->name;
	init_fs_context = fc->fs_type->init_fs_context ?: legacy_init_fs_context;
	ret = init_fs_context(fc);
	if (ret < 0) {
		put_fs_context(fc);
		return ERR_PTR(ret);
	}
	fc->need_free = true;
	return fc;
}
EXPORT_SYMBOL(fs_context_for_mount);

int vfs_get_tree(struct fs_context *fc)
{
	int error;

	if (fc->root)
		return -EBUSY;
	error = fc->ops->get_tree(fc);
	if (error < 0)
		return error;
	if (!fc->root) {
		pr_err("Filesystem %s get_tree() didn't set fc->root, returned %i\n", fc->fs_type->name, error);
		BUG();
	}
	fc->root->d_sb->s_flags |= SB_BORN;
	return 0;
}
EXPORT_SYMBOL(vfs_get_tree);

void put_fs_context(struct fs_context *fc)
{
	if (fc->root) {
		struct super_block *sb = fc->root->d_sb;

		dput(fc->root);
		fc->root = NULL;
		deactivate_super(sb);
	}
	if (fc->need_free && fc->ops && fc->ops->free)
		fc->ops->free(fc);
	put_filesystem(fc->fs_type);
	kfree(fc->source);
	kfree(fc);
}
EXPORT_SYMBOL(put_fs_context);
