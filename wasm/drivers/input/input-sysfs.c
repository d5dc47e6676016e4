// SPDX-License-Identifier: GPL-2.0-only
/*
 * The input class in sysfs (drivers/input/input.c's attribute half): /sys/class/input/inputN with
 * name, phys, uniq, modalias, properties, id/ and capabilities/, the uevent variables and the
 * modalias udev loads handlers by, and the class's devnode ("input/event0").
 */
#include <linux/input.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include "input-core.h"

static char *input_devnode(const struct device *dev, umode_t *mode)
{
	return kasprintf(GFP_KERNEL, "input/%s", dev_name(dev));
}

struct class input_class = {
	.name = "input",
	.devnode = input_devnode,
};
EXPORT_SYMBOL_GPL(input_class);

static int input_bits_to_string(char *buf, int buf_size, unsigned long bits, bool skip_empty)
{
	if (bits || !skip_empty)
		return snprintf(buf, buf_size, "%lx", bits);
	return 0;
}

/* The words of @bitmap up to bit @max, most significant first, leading zero words left out. */
int input_print_bitmap(char *buf, int buf_size, const unsigned long *bitmap, int max, int add_cr)
{
	bool skip_empty = true;
	int i, len = 0;

	for (i = BITS_TO_LONGS(max) - 1; i >= 0; i--) {
		len += input_bits_to_string(buf + len, max(buf_size - len, 0), bitmap[i], skip_empty);
		if (len) {
			skip_empty = false;
			if (i > 0)
				len += snprintf(buf + len, max(buf_size - len, 0), " ");
		}
	}
	if (len == 0)
		len = snprintf(buf, buf_size, "%d", 0);
	if (add_cr)
		len += snprintf(buf + len, max(buf_size - len, 0), "\n");
	return len;
}

static int input_print_modalias_bits(char *buf, int size, char name, const unsigned long *bm,
				     unsigned int min_bit, unsigned int max_bit)
{
	unsigned int i;
	int len = snprintf(buf, max(size, 0), "%c", name);

	for (i = min_bit; i < max_bit; i++)
		if (test_bit(i, bm))
			len += snprintf(buf + len, max(size - len, 0), "%X,", i);
	return len;
}

/* "input:b0019v0001p0001e0100-e0,1,k...,ramlsfw": what handlers' and drivers' aliases match. */
static int input_print_modalias(char *buf, int size, const struct input_dev *id)
{
	int len;

	len = snprintf(buf, max(size, 0), "input:b%04Xv%04Xp%04Xe%04X-", id->id.bustype, id->id.vendor,
		       id->id.product, id->id.version);
	len += input_print_modalias_bits(buf + len, size - len, 'e', id->evbit, 0, EV_MAX);
	len += input_print_modalias_bits(buf + len, size - len, 'k', id->keybit, KEY_MIN_INTERESTING, KEY_MAX);
	len += input_print_modalias_bits(buf + len, size - len, 'r', id->relbit, 0, REL_MAX);
	len += input_print_modalias_bits(buf + len, size - len, 'a', id->absbit, 0, ABS_MAX);
	len += input_print_modalias_bits(buf + len, size - len, 'm', id->mscbit, 0, MSC_MAX);
	len += input_print_modalias_bits(buf + len, size - len, 'l', id->ledbit, 0, LED_MAX);
	len += input_print_modalias_bits(buf + len, size - len, 's', id->sndbit, 0, SND_MAX);
	len += input_print_modalias_bits(buf + len, size - len, 'f', id->ffbit, 0, FF_MAX);
	len += input_print_modalias_bits(buf + len, size - len, 'w', id->swbit, 0, SW_MAX);
	return len;
}

#define INPUT_DEV_STRING_ATTR_SHOW(name)						\
static ssize_t input_dev_show_##name(struct device *dev, struct device_attribute *attr,	\
				     char *buf)						\
{											\
	struct input_dev *input_dev = to_input_dev(dev);				\
											\
	return sysfs_emit(buf, "%s\n", input_dev->name ? input_dev->name : "");		\
}											\
static DEVICE_ATTR(name, 0444, input_dev_show_##name, NULL)

INPUT_DEV_STRING_ATTR_SHOW(name);
INPUT_DEV_STRING_ATTR_SHOW(phys);
INPUT_DEV_STRING_ATTR_SHOW(uniq);

static ssize_t input_dev_show_modalias(struct device *dev, struct device_attribute *attr, char *buf)
{
	ssize_t len = input_print_modalias(buf, PAGE_SIZE, to_input_dev(dev));

	len += snprintf(buf + len, max_t(ssize_t, PAGE_SIZE - len, 0), "\n");
	return min_t(int, len, PAGE_SIZE);
}
static DEVICE_ATTR(modalias, 0444, input_dev_show_modalias, NULL);

static ssize_t input_dev_show_properties(struct device *dev, struct device_attribute *attr, char *buf)
{
	return min_t(int, input_print_bitmap(buf, PAGE_SIZE, to_input_dev(dev)->propbit, INPUT_PROP_MAX, true),
		     PAGE_SIZE);
}
static DEVICE_ATTR(properties, 0444, input_dev_show_properties, NULL);

static ssize_t inhibited_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", to_input_dev(dev)->inhibited);
}

/* Inhibiting closes the device for its users (the driver's close()); uninhibiting opens it again. */
static ssize_t inhibited_store(struct device *dev, struct device_attribute *attr, const char *buf,
			       size_t len)
{
	struct input_dev *input_dev = to_input_dev(dev);
	bool inhibited;
	int rv = 0;

	if (kstrtobool(buf, &inhibited))
		return -EINVAL;
	mutex_lock(&input_dev->mutex);
	if (inhibited != input_dev->inhibited && input_dev->users) {
		if (inhibited && input_dev->close)
			input_dev->close(input_dev);
		else if (!inhibited && input_dev->open)
			rv = input_dev->open(input_dev);
	}
	if (!rv)
		input_dev->inhibited = inhibited;
	mutex_unlock(&input_dev->mutex);
	return rv ?: len;
}
static DEVICE_ATTR_RW(inhibited);

static struct attribute *input_dev_attrs[] = {
	&dev_attr_name.attr,
	&dev_attr_phys.attr,
	&dev_attr_uniq.attr,
	&dev_attr_modalias.attr,
	&dev_attr_properties.attr,
	&dev_attr_inhibited.attr,
	NULL
};

static const struct attribute_group input_dev_attr_group = {
	.attrs = input_dev_attrs,
};

#define INPUT_DEV_ID_ATTR(name)								\
static ssize_t input_dev_show_id_##name(struct device *dev, struct device_attribute *attr,	\
					char *buf)						\
{											\
	return sysfs_emit(buf, "%04x\n", to_input_dev(dev)->id.name);			\
}											\
static DEVICE_ATTR(name, 0444, input_dev_show_id_##name, NULL)

INPUT_DEV_ID_ATTR(bustype);
INPUT_DEV_ID_ATTR(vendor);
INPUT_DEV_ID_ATTR(product);
INPUT_DEV_ID_ATTR(version);

static struct attribute *input_dev_id_attrs[] = {
	&dev_attr_bustype.attr,
	&dev_attr_vendor.attr,
	&dev_attr_product.attr,
	&dev_attr_version.attr,
	NULL
};

static const struct attribute_group input_dev_id_attr_group = {
	.name = "id",
	.attrs = input_dev_id_attrs,
};

#define INPUT_DEV_CAP_ATTR(ev, bm)							\
static ssize_t input_dev_show_cap_##bm(struct device *dev, struct device_attribute *attr,	\
				       char *buf)						\
{											\
	struct input_dev *input_dev = to_input_dev(dev);				\
											\
	return min_t(int, input_print_bitmap(buf, PAGE_SIZE, input_dev->bm##bit, ev##_MAX, true), \
		     PAGE_SIZE);							\
}											\
static DEVICE_ATTR(bm, 0444, input_dev_show_cap_##bm, NULL)

INPUT_DEV_CAP_ATTR(EV, ev);
INPUT_DEV_CAP_ATTR(KEY, key);
INPUT_DEV_CAP_ATTR(REL, rel);
INPUT_DEV_CAP_ATTR(ABS, abs);
INPUT_DEV_CAP_ATTR(MSC, msc);
INPUT_DEV_CAP_ATTR(LED, led);
INPUT_DEV_CAP_ATTR(SND, snd);
INPUT_DEV_CAP_ATTR(FF, ff);
INPUT_DEV_CAP_ATTR(SW, sw);

static struct attribute *input_dev_caps_attrs[] = {
	&dev_attr_ev.attr,
	&dev_attr_key.attr,
	&dev_attr_rel.attr,
	&dev_attr_abs.attr,
	&dev_attr_msc.attr,
	&dev_attr_led.attr,
	&dev_attr_snd.attr,
	&dev_attr_ff.attr,
	&dev_attr_sw.attr,
	NULL
};

static const struct attribute_group input_dev_caps_attr_group = {
	.name = "capabilities",
	.attrs = input_dev_caps_attrs,
};

static const struct attribute_group *input_dev_attr_groups[] = {
	&input_dev_attr_group,
	&input_dev_id_attr_group,
	&input_dev_caps_attr_group,
	NULL
};

static int input_add_uevent_bm_var(struct kobj_uevent_env *env, const char *name,
				   const unsigned long *bitmap, int max)
{
	char buf[256];

	input_print_bitmap(buf, sizeof(buf), bitmap, max, false);
	return add_uevent_var(env, "%s%s", name, buf);
}

static int input_dev_uevent(const struct device *device, struct kobj_uevent_env *env)
{
	const struct input_dev *dev = to_input_dev(device);
	char modalias[512];

	if (add_uevent_var(env, "PRODUCT=%x/%x/%x/%x", dev->id.bustype, dev->id.vendor, dev->id.product,
			   dev->id.version))
		return -ENOMEM;
	if (dev->name && add_uevent_var(env, "NAME=\"%s\"", dev->name))
		return -ENOMEM;
	if (dev->phys && add_uevent_var(env, "PHYS=\"%s\"", dev->phys))
		return -ENOMEM;
	if (dev->uniq && add_uevent_var(env, "UNIQ=\"%s\"", dev->uniq))
		return -ENOMEM;
	if (input_add_uevent_bm_var(env, "PROP=", dev->propbit, INPUT_PROP_MAX) ||
	    input_add_uevent_bm_var(env, "EV=", dev->evbit, EV_MAX))
		return -ENOMEM;
#define BM_VAR(type, bits, max) \
	if (test_bit(EV_##type, dev->evbit) && input_add_uevent_bm_var(env, #type "=", dev->bits, max)) \
		return -ENOMEM
	BM_VAR(KEY, keybit, KEY_MAX);
	BM_VAR(REL, relbit, REL_MAX);
	BM_VAR(ABS, absbit, ABS_MAX);
	BM_VAR(MSC, mscbit, MSC_MAX);
	BM_VAR(LED, ledbit, LED_MAX);
	BM_VAR(SND, sndbit, SND_MAX);
	BM_VAR(FF, ffbit, FF_MAX);
	BM_VAR(SW, swbit, SW_MAX);
#undef BM_VAR
	input_print_modalias(modalias, sizeof(modalias), dev);
	return add_uevent_var(env, "MODALIAS=%s", modalias);
}

static void input_dev_release(struct device *device)
{
	struct input_dev *dev = to_input_dev(device);

	kfree(dev->absinfo);
	kfree(dev->vals);
	kfree(dev);
}

const struct device_type input_dev_type = {
	.groups = input_dev_attr_groups,
	.release = input_dev_release,
	.uevent = input_dev_uevent,
};
