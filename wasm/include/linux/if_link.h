/* SPDX-License-Identifier: GPL-2.0 */
/* Link attributes (include/linux/if_link.h): the statistics structure of <uapi/linux/if_link.h>. */
#ifndef _LINUX_IF_LINK_H
#define _LINUX_IF_LINK_H

#include <uapi/linux/if_link.h>

#endif
