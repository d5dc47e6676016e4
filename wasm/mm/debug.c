// SPDX-License-Identifier: GPL-2.0
/*
 * mm/debug.c: the names of the page, vma and gfp flags, in Linux 6.12's order (include/trace/events/
 * mmflags.h), for %pGp, %pGv and %pGg. Masks covering several bits come before their parts, so that
 * the first match takes the most bits; each table ends with { 0, NULL }.
 */
#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include "internal.h"

#define PAGEFLAG(name) { 1UL << PG_##name, #name }

const struct trace_print_flags pageflag_names[] = {
	PAGEFLAG(locked),
	PAGEFLAG(waiters),
	PAGEFLAG(referenced),
	PAGEFLAG(uptodate),
	PAGEFLAG(dirty),
	PAGEFLAG(lru),
	PAGEFLAG(active),
	PAGEFLAG(workingset),
	PAGEFLAG(owner_priv_1),
	PAGEFLAG(owner_2),
	PAGEFLAG(arch_1),
	PAGEFLAG(reserved),
	PAGEFLAG(private),
	PAGEFLAG(private_2),
	PAGEFLAG(writeback),
	PAGEFLAG(head),
	PAGEFLAG(reclaim),
	PAGEFLAG(swapbacked),
	PAGEFLAG(unevictable),
	PAGEFLAG(mlocked),
	{ 0, NULL }
};

#define GFPFLAG(flag) { (__force unsigned long)flag, #flag }

const struct trace_print_flags gfpflag_names[] = {
	GFPFLAG(GFP_TRANSHUGE),
	GFPFLAG(GFP_TRANSHUGE_LIGHT),
	GFPFLAG(GFP_HIGHUSER_MOVABLE),
	GFPFLAG(GFP_HIGHUSER),
	GFPFLAG(GFP_USER),
	GFPFLAG(GFP_KERNEL_ACCOUNT),
	GFPFLAG(GFP_KERNEL),
	GFPFLAG(GFP_NOFS),
	GFPFLAG(GFP_ATOMIC),
	GFPFLAG(GFP_NOIO),
	GFPFLAG(GFP_NOWAIT),
	GFPFLAG(GFP_DMA),
	GFPFLAG(__GFP_HIGHMEM),
	GFPFLAG(GFP_DMA32),
	GFPFLAG(__GFP_HIGH),
	GFPFLAG(__GFP_IO),
	GFPFLAG(__GFP_FS),
	GFPFLAG(__GFP_NOWARN),
	GFPFLAG(__GFP_RETRY_MAYFAIL),
	GFPFLAG(__GFP_NOFAIL),
	GFPFLAG(__GFP_NORETRY),
	GFPFLAG(__GFP_COMP),
	GFPFLAG(__GFP_ZERO),
	GFPFLAG(__GFP_NOMEMALLOC),
	GFPFLAG(__GFP_MEMALLOC),
	GFPFLAG(__GFP_HARDWALL),
	GFPFLAG(__GFP_THISNODE),
	GFPFLAG(__GFP_RECLAIMABLE),
	GFPFLAG(__GFP_MOVABLE),
	GFPFLAG(__GFP_ACCOUNT),
	GFPFLAG(__GFP_WRITE),
	GFPFLAG(__GFP_RECLAIM),
	GFPFLAG(__GFP_DIRECT_RECLAIM),
	GFPFLAG(__GFP_KSWAPD_RECLAIM),
	GFPFLAG(__GFP_ZEROTAGS),
	{ 0, NULL }
};

const struct trace_print_flags vmaflag_names[] = {
	{ VM_READ,		"read" },
	{ VM_WRITE,		"write" },
	{ VM_EXEC,		"exec" },
	{ VM_SHARED,		"shared" },
	{ VM_MAYREAD,		"mayread" },
	{ VM_MAYWRITE,		"maywrite" },
	{ VM_MAYEXEC,		"mayexec" },
	{ VM_MAYSHARE,		"mayshare" },
	{ VM_GROWSDOWN,		"growsdown" },
	{ VM_UFFD_MISSING,	"uffd_missing" },
	{ VM_PFNMAP,		"pfnmap" },
	{ VM_UFFD_WP,		"uffd_wp" },
	{ VM_LOCKED,		"locked" },
	{ VM_IO,		"io" },
	{ VM_SEQ_READ,		"seqread" },
	{ VM_RAND_READ,		"randread" },
	{ VM_DONTCOPY,		"dontcopy" },
	{ VM_DONTEXPAND,	"dontexpand" },
	{ VM_LOCKONFAULT,	"lockonfault" },
	{ VM_ACCOUNT,		"account" },
	{ VM_NORESERVE,		"noreserve" },
	{ VM_HUGETLB,		"hugetlb" },
	{ VM_SYNC,		"sync" },
	{ VM_ARCH_1,		"arch_1" },
	{ VM_WIPEONFORK,	"wipeonfork" },
	{ VM_DONTDUMP,		"dontdump" },
	{ VM_MIXEDMAP,		"mixedmap" },
	{ VM_HUGEPAGE,		"hugepage" },
	{ VM_NOHUGEPAGE,	"nohugepage" },
	{ VM_MERGEABLE,		"mergeable" },
	{ 0, NULL }
};
