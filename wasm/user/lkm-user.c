// SPDX-License-Identifier: GPL-2.0
/*
 * Linked into every lkm user program (lkm build userprogs / --user), before wasi-libc:
 *
 *  - ioctl(): wasi-libc's fails with EINVAL for anything but its few terminal requests, because WASI has no
 *    generic ioctl. This one hands every request to the host through the `lkm.ioctl` import, which reaches
 *    the driver's unlocked_ioctl for kernel files (ENOTTY for other files, as Linux). The import returns the
 *    result, or -errno (WASI errno numbering, which is what errno holds in wasi-libc).
 *  - The initial working directory: wasi-libc starts in "/"; a constructor moves to $PWD when the runtime
 *    sets it (the shell's cwd), so relative paths work as on Linux.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__((import_module("lkm"), import_name("ioctl")))
int __lkm_ioctl(int fd, unsigned long request, unsigned long arg);

int ioctl(int fd, int request, ...)
{
	va_list ap;
	unsigned long arg;
	int ret;

	va_start(ap, request);
	arg = (unsigned long)va_arg(ap, void *);
	va_end(ap);
	ret = __lkm_ioctl(fd, (unsigned int)request, arg);
	if (ret < 0) {
		errno = -ret;
		return -1;
	}
	return ret;
}

__attribute__((constructor))
static void __lkm_initial_cwd(void)
{
	const char *pwd = getenv("PWD");

	if (pwd && pwd[0] == '/')
		chdir(pwd);
}
