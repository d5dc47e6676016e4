// SPDX-License-Identifier: GPL-2.0
/*
 * prodcons-read: the consumer. Reads /dev/prodcons (or the file given) until its end, copying what it
 * reads to stdout; each read sleeps in the driver until the producer has made something. With -n, opens
 * it O_NONBLOCK and says when a read found nothing yet (EAGAIN) instead of sleeping, polling in between.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int nonblock = argc > 1 && strcmp(argv[1], "-n") == 0;
	const char *path = argc > 1 + nonblock ? argv[1 + nonblock] : "/dev/prodcons";
	int fd = open(path, O_RDONLY | (nonblock ? O_NONBLOCK : 0));
	long total = 0, eagain = 0;
	char buf[64];

	if (fd < 0) {
		fprintf(stderr, "prodcons-read: %s: %s\n", path, strerror(errno));
		return 1;
	}
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n < 0 && errno == EAGAIN) {
			struct pollfd p = { .fd = fd, .events = POLLIN };

			eagain++;
			poll(&p, 1, -1);
			continue;
		}
		if (n < 0) {
			fprintf(stderr, "prodcons-read: read: %s\n", strerror(errno));
			return 1;
		}
		if (n == 0)
			break;
		fwrite(buf, 1, n, stdout);
		total += n;
	}
	fflush(stdout);
	fprintf(stderr, "prodcons-read: %ld bytes%s\n", total, nonblock && eagain ? ", some reads found nothing yet (EAGAIN)" : "");
	close(fd);
	return 0;
}
