// SPDX-License-Identifier: GPL-2.0
/*
 * uevents (lib/kobject_uevent.c): the environment of an event (add_uevent_var), which a device's
 * uevent file shows, and the actions a write to a uevent file may name. No user-space helper or
 * netlink listener exists, so no event is sent.
 */
#include <linux/export.h>
#include <linux/kobject.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/errno.h>
#include <linux/printk.h>

static const char *kobject_actions[] = {
	[KOBJ_ADD] =		"add",
	[KOBJ_REMOVE] =		"remove",
	[KOBJ_CHANGE] =		"change",
	[KOBJ_MOVE] =		"move",
	[KOBJ_ONLINE] =		"online",
	[KOBJ_OFFLINE] =	"offline",
	[KOBJ_BIND] =		"bind",
	[KOBJ_UNBIND] =		"unbind",
};

int kobject_uevent_env(struct kobject *kobj, enum kobject_action action, char *envp[])
{
	(void)envp;
	if (action == KOBJ_ADD)
		kobj->state_add_uevent_sent = 1;
	else if (action == KOBJ_REMOVE)
		kobj->state_remove_uevent_sent = 1;
	return 0;
}
EXPORT_SYMBOL_GPL(kobject_uevent_env);

int kobject_uevent(struct kobject *kobj, enum kobject_action action)
{
	return kobject_uevent_env(kobj, action, NULL);
}
EXPORT_SYMBOL_GPL(kobject_uevent);

/* "ACTION [UUID [KEY=VALUE...]]" written to a uevent file: the action must be one of the names above. */
int kobject_synth_uevent(struct kobject *kobj, const char *buf, size_t count)
{
	size_t len = count;
	const char *space;
	int i;

	if (len && buf[len - 1] == '\n')
		len--;
	space = strnchr(buf, len, ' ');
	if (space)
		len = space - buf;
	for (i = 0; i < ARRAY_SIZE(kobject_actions); i++) {
		if (strlen(kobject_actions[i]) == len && !strncmp(kobject_actions[i], buf, len))
			return kobject_uevent_env(kobj, i, NULL);
	}
	pr_warn("synth uevent: %s: unknown uevent action string\n", kobject_name(kobj));
	return -EINVAL;
}
EXPORT_SYMBOL_GPL(kobject_synth_uevent);

int add_uevent_var(struct kobj_uevent_env *env, const char *format, ...)
{
	va_list args;
	int len;

	if (env->envp_idx >= ARRAY_SIZE(env->envp)) {
		WARN(1, KERN_ERR "add_uevent_var: too many keys\n");
		return -ENOMEM;
	}

	va_start(args, format);
	len = vsnprintf(&env->buf[env->buflen], sizeof(env->buf) - env->buflen, format, args);
	va_end(args);

	if (len >= (sizeof(env->buf) - env->buflen)) {
		WARN(1, KERN_ERR "add_uevent_var: buffer size too small\n");
		return -ENOMEM;
	}

	env->envp[env->envp_idx++] = &env->buf[env->buflen];
	env->buflen += len + 1;
	return 0;
}
EXPORT_SYMBOL_GPL(add_uevent_var);
