// SPDX-License-Identifier: GPL-2.0
/*
 * Linked into every lkm user program (lkm build userprogs / --user), before wasi-libc:
 *
 *  - ioctl(): wasi-libc's fails with EINVAL for anything but its few terminal requests, because WASI has no
 *    generic ioctl. This one hands every request to the host through the `lkm.ioctl` import, which reaches
 *    the driver's unlocked_ioctl for kernel files (ENOTTY for other files, as Linux). The import returns the
 *    result, or -errno (WASI errno numbering, which is what errno holds in wasi-libc).
 *  - poll(): wasi-libc's goes through poll_oneoff, which the runtime serves for clocks only. This one asks
 *    the host (`lkm.poll`), which calls the drivers' poll methods and, where the program can wait, sleeps
 *    on their queues until one is ready or the timeout passes. wasi-libc's POLL* bits are not Linux's: they
 *    are translated to EPOLL* on the way in and back on the way out.
 *  - The initial working directory: wasi-libc starts in "/"; a constructor moves to $PWD when the runtime
 *    sets it (the shell's cwd), so relative paths work as on Linux.
 */
#include <errno.h>
#include <poll.h>
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

__attribute__((import_module("lkm"), import_name("poll")))
int __lkm_poll(struct pollfd *fds, nfds_t nfds, int timeout);

/* Linux's EPOLL* bits, which the host and the kernel's poll methods use. */
#define LX_POLLIN	0x001
#define LX_POLLOUT	0x004
#define LX_POLLERR	0x008
#define LX_POLLHUP	0x010
#define LX_POLLNVAL	0x020
#define LX_POLLRDNORM	0x040
#define LX_POLLWRNORM	0x100

static short to_linux(short ev)
{
	return (ev & POLLRDNORM ? LX_POLLIN | LX_POLLRDNORM : 0) | (ev & POLLWRNORM ? LX_POLLOUT | LX_POLLWRNORM : 0);
}

static short from_linux(short ev)
{
	return (ev & (LX_POLLIN | LX_POLLRDNORM) ? POLLRDNORM : 0) | (ev & (LX_POLLOUT | LX_POLLWRNORM) ? POLLWRNORM : 0) |
	       (ev & LX_POLLERR ? POLLERR : 0) | (ev & LX_POLLHUP ? POLLHUP : 0) | (ev & LX_POLLNVAL ? POLLNVAL : 0);
}

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	nfds_t i;
	int ret;

	for (i = 0; i < nfds; i++) {
		fds[i].events = to_linux(fds[i].events);
		fds[i].revents = 0;
	}
	ret = __lkm_poll(fds, nfds, timeout);
	for (i = 0; i < nfds; i++) {
		fds[i].revents = from_linux(fds[i].revents);
		fds[i].events = from_linux(fds[i].events);
	}
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
