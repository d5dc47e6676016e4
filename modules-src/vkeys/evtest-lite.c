// SPDX-License-Identifier: GPL-2.0
/*
 * evtest-lite: evtest's output for an evdev device, in a few lines of C. Prints the driver version,
 * id, name and supported events (EVIOCGVERSION, EVIOCGID, EVIOCGNAME, EVIOCGBIT), then each event read
 * as evtest prints it.
 *
 *   evtest-lite DEVICE [-c COUNT] [-n] [-q] [-p MS]
 *     -c COUNT  stop after COUNT events (SYN_REPORTs included); default: read until an error
 *     -n        open with O_NONBLOCK: an empty device prints "read: Resource temporarily unavailable"
 *     -q        leave out the header
 *     -p MS     poll(2) for POLLIN before each read, MS milliseconds at most (-1: no limit); a poll that
 *               times out prints "poll: timeout" (status 4), one that reports POLLHUP/POLLERR
 *               "poll: device gone" (status 5)
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/input.h>

#define NBITS(x) ((((x) - 1) / (sizeof(long) * 8)) + 1)
#define TEST(bit, array) (((array)[(bit) / (sizeof(long) * 8)] >> ((bit) % (sizeof(long) * 8))) & 1)

static const char *type_name(unsigned int type)
{
	switch (type) {
	case EV_SYN: return "EV_SYN";
	case EV_KEY: return "EV_KEY";
	case EV_REL: return "EV_REL";
	case EV_ABS: return "EV_ABS";
	case EV_MSC: return "EV_MSC";
	case EV_SW: return "EV_SW";
	case EV_LED: return "EV_LED";
	case EV_SND: return "EV_SND";
	case EV_REP: return "EV_REP";
	default: return "?";
	}
}

/* The key names of the codes vkeys sends, as evtest spells them. */
static const char *key_name(unsigned int code)
{
	static const char *const letters = "QWERTYUIOP";	/* KEY_Q (16) .. KEY_P (25) */
	static const char *const home = "ASDFGHJKL";		/* KEY_A (30) .. KEY_L (38) */
	static const char *const bottom = "ZXCVBNM";		/* KEY_Z (44) .. KEY_M (50) */
	static char buf[8];

	if (code >= KEY_1 && code <= KEY_9) {
		snprintf(buf, sizeof(buf), "KEY_%c", '1' + code - KEY_1);
		return buf;
	}
	if (code >= KEY_Q && code <= KEY_P) {
		snprintf(buf, sizeof(buf), "KEY_%c", letters[code - KEY_Q]);
		return buf;
	}
	if (code >= KEY_A && code <= KEY_L) {
		snprintf(buf, sizeof(buf), "KEY_%c", home[code - KEY_A]);
		return buf;
	}
	if (code >= KEY_Z && code <= KEY_M) {
		snprintf(buf, sizeof(buf), "KEY_%c", bottom[code - KEY_Z]);
		return buf;
	}
	switch (code) {
	case KEY_0: return "KEY_0";
	case KEY_ENTER: return "KEY_ENTER";
	case KEY_SPACE: return "KEY_SPACE";
	case KEY_LEFTSHIFT: return "KEY_LEFTSHIFT";
	default: return "?";
	}
}

static const char *code_name(unsigned int type, unsigned int code)
{
	if (type == EV_KEY)
		return key_name(code);
	if (type == EV_SYN)
		return code == SYN_REPORT ? "SYN_REPORT" : code == SYN_DROPPED ? "SYN_DROPPED" : "?";
	return "?";
}

static void print_header(int fd)
{
	unsigned long bit[EV_MAX][NBITS(KEY_MAX)];
	struct input_id id;
	char name[256] = "Unknown";
	unsigned int type, code;
	int version;

	if (ioctl(fd, EVIOCGVERSION, &version) == 0)
		printf("Input driver version is %d.%d.%d\n", version >> 16, (version >> 8) & 0xff, version & 0xff);
	if (ioctl(fd, EVIOCGID, &id) == 0)
		printf("Input device ID: bus 0x%x vendor 0x%x product 0x%x version 0x%x\n", id.bustype, id.vendor,
		       id.product, id.version);
	ioctl(fd, EVIOCGNAME(sizeof(name)), name);
	printf("Input device name: \"%s\"\n", name);

	memset(bit, 0, sizeof(bit));
	ioctl(fd, EVIOCGBIT(0, EV_MAX), bit[0]);
	printf("Supported events:\n");
	for (type = 0; type < EV_MAX; type++) {
		if (!TEST(type, bit[0]))
			continue;
		printf("  Event type %d (%s)\n", type, type_name(type));
		if (!type)
			continue;
		ioctl(fd, EVIOCGBIT(type, KEY_MAX), bit[type]);
		for (code = 0; code < KEY_MAX; code++)
			if (TEST(code, bit[type]))
				printf("    Event code %d (%s)\n", code, code_name(type, code));
	}
	printf("Testing ... (interrupt to exit)\n");
}

int main(int argc, char **argv)
{
	int fd, i, n, flags = O_RDONLY, quiet = 0, poll_ms = 0, polling = 0;
	long count = -1;
	struct input_event ev[64];

	if (argc < 2) {
		fprintf(stderr, "usage: %s DEVICE [-c COUNT] [-n] [-q]\n", argv[0]);
		return 1;
	}
	for (i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "-n"))
			flags |= O_NONBLOCK;
		else if (!strcmp(argv[i], "-q"))
			quiet = 1;
		else if (!strcmp(argv[i], "-c") && i + 1 < argc)
			count = atol(argv[++i]);
		else if (!strcmp(argv[i], "-p") && i + 1 < argc)
			polling = 1, poll_ms = atoi(argv[++i]);
	}
	fd = open(argv[1], flags);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	if (!quiet)
		print_header(fd);
	fflush(stdout);
	while (count != 0) {
		if (polling) {
			struct pollfd p = { .fd = fd, .events = POLLIN };

			n = poll(&p, 1, poll_ms);
			if (n < 0) {
				perror("poll");
				return 2;
			}
			if (n == 0) {
				printf("poll: timeout\n");
				return 4;
			}
			if (p.revents & (POLLHUP | POLLERR)) {
				printf("poll: device gone\n");
				return 5;
			}
		}
		n = read(fd, ev, count > 0 && count < 64 ? count * sizeof(ev[0]) : sizeof(ev));
		if (n < 0) {
			perror("read");
			return 2;
		}
		if (n % sizeof(ev[0])) {
			fprintf(stderr, "short read: %d bytes\n", n);
			return 3;
		}
		for (i = 0; i < n / (int)sizeof(ev[0]); i++) {
			unsigned int type = ev[i].type, code = ev[i].code;

			if (type == EV_SYN && code == SYN_REPORT)
				printf("Event: time %ld.%06ld, -------------- SYN_REPORT ------------\n",
				       (long)ev[i].input_event_sec, (long)ev[i].input_event_usec);
			else if (type == EV_SYN && code == SYN_DROPPED)
				printf("Event: time %ld.%06ld, >>>>>>>>>>>>>> SYN_DROPPED <<<<<<<<<<<<\n",
				       (long)ev[i].input_event_sec, (long)ev[i].input_event_usec);
			else
				printf("Event: time %ld.%06ld, type %d (%s), code %d (%s), value %d\n",
				       (long)ev[i].input_event_sec, (long)ev[i].input_event_usec, type, type_name(type),
				       code, code_name(type, code), ev[i].value);
			if (count > 0)
				count--;
		}
		fflush(stdout);
	}
	close(fd);
	return 0;
}
