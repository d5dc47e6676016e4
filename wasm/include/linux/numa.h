/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_NUMA_H
#define _LINUX_NUMA_H

/* One memory node (no CONFIG_NUMA): node 0 is every node a driver can ask for. */
#include <linux/init.h>
#include <linux/types.h>

#define NODES_SHIFT     0

#define MAX_NUMNODES    (1 << NODES_SHIFT)

#define	NUMA_NO_NODE	(-1)
#define	NUMA_NO_MEMBLK	(-1)

static inline bool numa_valid_node(int nid)
{
	return nid >= 0 && nid < MAX_NUMNODES;
}

static inline int numa_nearest_node(int node, unsigned int state)
{
	return NUMA_NO_NODE;
}

static inline int memory_add_physaddr_to_nid(u64 start)
{
	return 0;
}

static inline int phys_to_target_node(u64 start)
{
	return 0;
}

#endif /* _LINUX_NUMA_H */
