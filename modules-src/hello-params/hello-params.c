// SPDX-License-Identifier: GPL-2.0
/* Every kind of module parameter: each standard type, arrays, strings, inverted bools and callbacks. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>

static char *type = "open";
module_param(type, charp, 0644);
MODULE_PARM_DESC(type, "Network type (open, wep, wpa)");

static int debug;
module_param(debug, int, 0644);
MODULE_PARM_DESC(debug, "Debug level (0=none,...,16=all)");

static bool verbose;
module_param(verbose, bool, 0644);
MODULE_PARM_DESC(verbose, "Print more");

static bool enabled = true;
module_param_named(disable, enabled, invbool, 0444);
MODULE_PARM_DESC(disable, "Start disabled");

static unsigned char byte_val = 7;
module_param(byte_val, byte, 0444);
static short short_val = -3;
module_param(short_val, short, 0444);
static unsigned short ushort_val = 3;
module_param(ushort_val, ushort, 0444);
static unsigned int uint_val = 42;
module_param(uint_val, uint, 0644);
static long long_val = -100000;
module_param(long_val, long, 0444);
static unsigned long ulong_val = 100000;
module_param(ulong_val, ulong, 0444);
static unsigned long long ullong_val = 1ULL << 40;
module_param(ullong_val, ullong, 0444);
static unsigned int mask = 0xff;
module_param(mask, hexint, 0644);
MODULE_PARM_DESC(mask, "Feature mask");
static int flag;
module_param(flag, bint, 0444);

static int ports[4] = { 80, 443 };
static unsigned int nr_ports = 2;
module_param_array(ports, int, &nr_ports, 0444);
MODULE_PARM_DESC(ports, "Up to 4 port numbers");

static char name[16] = "lkm";
module_param_string(name, name, sizeof(name), 0644);
MODULE_PARM_DESC(name, "A name copied into a 16-byte buffer");

/* Not visible in sysfs: perm 0 parameters are load-time only. */
static int secret = 1;
module_param(secret, int, 0);

/* A parameter with its own setter: only levels 0..7 are accepted, at load time and through sysfs. */
static int level = 4;

static int level_set(const char *val, const struct kernel_param *kp)
{
	int n, ret;

	ret = kstrtoint(val, 0, &n);
	if (ret)
		return ret;
	if (n < 0 || n > 7)
		return -EINVAL;
	*(int *)kp->arg = n;
	pr_info("level set to %d\n", n);
	return 0;
}

static const struct kernel_param_ops level_ops = {
	.set = level_set,
	.get = param_get_int,
};
module_param_cb(level, &level_ops, &level, 0644);
MODULE_PARM_DESC(level, "Log level 0..7 (checked by a callback)");

static int __init hello_params_init(void)
{
	unsigned int i;

	pr_info("type=%s debug=%d verbose=%d enabled=%d level=%d\n", type, debug, verbose, enabled, level);
	pr_info("byte=%u short=%d ushort=%u uint=%u long=%ld ulong=%lu ullong=%llu mask=%#x flag=%d\n",
		byte_val, short_val, ushort_val, uint_val, long_val, ulong_val, ullong_val, mask, flag);
	pr_info("name=%s secret=%d nr_ports=%u\n", name, secret, nr_ports);
	for (i = 0; i < nr_ports; i++)
		pr_info("ports[%u]=%d\n", i, ports[i]);
	return 0;
}

static void __exit hello_params_exit(void)
{
	pr_info("bye (type=%s level=%d)\n", type, level);
}

module_init(hello_params_init);
module_exit(hello_params_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lkm-wasm developers");
MODULE_DESCRIPTION("Module parameters of every type");
