/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/overflow.h>
#include <linux/align.h>
#include <linux/err.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/pfn.h>
#include <linux/sizes.h>
#include <asm/page.h>

/* to align the pointer to the (next) page boundary */
#define PAGE_ALIGN(addr) ALIGN(addr, PAGE_SIZE)
#define PAGE_ALIGN_DOWN(addr) ALIGN_DOWN(addr, PAGE_SIZE)
/* test whether an address (unsigned long or pointer) is aligned to PAGE_SIZE */
#define PAGE_ALIGNED(addr)	IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)


/* Identity-mapped: kernel virtual addresses are offsets into the one memory. */
#define __pa(x)		((phys_addr_t)(unsigned long)(x))
#define __va(x)		((void *)(unsigned long)(x))
#define virt_to_phys(x)	__pa(x)
#define phys_to_virt(x)	__va(x)

/* Total pages of RAM the allocator may use (the 1 GiB memory maximum). */
extern unsigned long totalram_pages(void);

/*
 * vm_flags in vm_area_struct (Linux 6.12's bits for a 32-bit MMU configuration; %pGv names them).
 */
#define VM_NONE		0x00000000

#define VM_READ		0x00000001	/* currently active flags */
#define VM_WRITE	0x00000002
#define VM_EXEC		0x00000004
#define VM_SHARED	0x00000008

/* mprotect() hardcodes VM_MAYREAD >> 4 == VM_READ, and so for r/w/x bits. */
#define VM_MAYREAD	0x00000010	/* limits for mprotect() etc */
#define VM_MAYWRITE	0x00000020
#define VM_MAYEXEC	0x00000040
#define VM_MAYSHARE	0x00000080

#define VM_GROWSDOWN	0x00000100	/* general info on the segment */
#define VM_UFFD_MISSING	0x00000200	/* missing pages tracking */
#define VM_PFNMAP	0x00000400	/* Page-ranges managed without "struct page", just pure PFN */
#define VM_UFFD_WP	0x00001000	/* wrprotect pages tracking */

#define VM_LOCKED	0x00002000
#define VM_IO		0x00004000	/* Memory mapped I/O or similar */

					/* Used by sys_madvise() */
#define VM_SEQ_READ	0x00008000	/* App will access data sequentially */
#define VM_RAND_READ	0x00010000	/* App will not benefit from clustered reads */

#define VM_DONTCOPY	0x00020000	/* Do not copy this vma on fork */
#define VM_DONTEXPAND	0x00040000	/* Cannot expand with mremap() */
#define VM_LOCKONFAULT	0x00080000	/* Lock the pages covered when they are faulted in */
#define VM_ACCOUNT	0x00100000	/* Is a VM accounted object */
#define VM_NORESERVE	0x00200000	/* should the VM suppress accounting */
#define VM_HUGETLB	0x00400000	/* Huge TLB Page VM */
#define VM_SYNC		0x00800000	/* Synchronous page faults */
#define VM_ARCH_1	0x01000000	/* Architecture-specific flag */
#define VM_WIPEONFORK	0x02000000	/* Wipe VMA contents in child. */
#define VM_DONTDUMP	0x04000000	/* Do not include in the core dump */
#define VM_SOFTDIRTY	0		/* no soft-dirty tracking (CONFIG_MEM_SOFT_DIRTY is 64-bit only) */
#define VM_MIXEDMAP	0x10000000	/* Can contain "struct page" and pure PFN pages */
#define VM_HUGEPAGE	0x20000000	/* MADV_HUGEPAGE marked this vma */
#define VM_NOHUGEPAGE	0x40000000	/* MADV_NOHUGEPAGE marked this vma */
#define VM_MERGEABLE	0x80000000	/* KSM may merge identical pages */
#define VM_UFFD_MINOR	VM_NONE		/* 64-bit only */
#define VM_DROPPABLE	VM_NONE		/* 64-bit only */

#define VM_PAT		VM_ARCH_1	/* PAT reserves whole VMA at once (x86) */

/* Bits set in the VMA until the stack is in its final location */
#define VM_STACK_INCOMPLETE_SETUP (VM_RAND_READ | VM_SEQ_READ)
#define VM_STACK	VM_GROWSDOWN
#define VM_STACK_FLAGS	(VM_STACK | VM_ACCOUNT)
#define VM_DATA_DEFAULT_FLAGS	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)

/* VMA basic access permission flags */
#define VM_ACCESS_FLAGS (VM_READ | VM_WRITE | VM_EXEC)

/* Special vmas that are non-mergable, non-mlock()able. */
#define VM_SPECIAL (VM_IO | VM_DONTEXPAND | VM_PFNMAP | VM_MIXEDMAP)

/* ---- Mappings as drivers see them (mm_types.h): the VMA an ->mmap gets, fault handling --------------- */

typedef unsigned long vm_flags_t;

/* Page protection bits (asm/pgtable_types.h): one word, opaque to drivers. */
typedef struct { unsigned long pgprot; } pgprot_t;
#define pgprot_val(x)		((x).pgprot)
#define __pgprot(x)		((pgprot_t) { (x) })
/* No caches to bypass: an uncached or write-combined mapping is the plain one. */
#define pgprot_noncached(prot)		(prot)
#define pgprot_writecombine(prot)	(prot)

struct mm_struct;
struct file;
struct vm_fault;

/* Why a fault handler returns (enum vm_fault_reason). */
typedef unsigned int __bitwise vm_fault_t;
enum vm_fault_reason {
	VM_FAULT_OOM		= (__force vm_fault_t)0x000001,
	VM_FAULT_SIGBUS		= (__force vm_fault_t)0x000002,
	VM_FAULT_MAJOR		= (__force vm_fault_t)0x000004,
	VM_FAULT_HWPOISON	= (__force vm_fault_t)0x000010,
	VM_FAULT_HWPOISON_LARGE	= (__force vm_fault_t)0x000020,
	VM_FAULT_SIGSEGV	= (__force vm_fault_t)0x000040,
	VM_FAULT_NOPAGE		= (__force vm_fault_t)0x000100,
	VM_FAULT_LOCKED		= (__force vm_fault_t)0x000200,
	VM_FAULT_RETRY		= (__force vm_fault_t)0x000400,
	VM_FAULT_FALLBACK	= (__force vm_fault_t)0x000800,
	VM_FAULT_DONE_COW	= (__force vm_fault_t)0x001000,
	VM_FAULT_NEEDDSYNC	= (__force vm_fault_t)0x002000,
	VM_FAULT_COMPLETED	= (__force vm_fault_t)0x004000,
	VM_FAULT_HINDEX_MASK	= (__force vm_fault_t)0x0f0000,
};

#define VM_FAULT_ERROR (VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV | VM_FAULT_HWPOISON | \
			VM_FAULT_HWPOISON_LARGE | VM_FAULT_FALLBACK)

struct vm_area_struct {
	unsigned long vm_start;		/* first address within vm_mm */
	unsigned long vm_end;		/* first byte after our end address within vm_mm */
	struct mm_struct *vm_mm;	/* the address space we belong to */
	pgprot_t vm_page_prot;		/* access permissions of this VMA */
	/* Flags (VM_READ, ...): read vm_flags, change them with vm_flags_{init,set,clear,mod}(). */
	union {
		const vm_flags_t vm_flags;
		vm_flags_t __vm_flags;
	};
	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;		/* offset (within vm_file) in PAGE_SIZE units */
	struct file *vm_file;		/* file we map to (can be NULL) */
	void *vm_private_data;		/* was vm_pte (shared mem) */
};

struct vm_operations_struct {
	void (*open)(struct vm_area_struct *area);
	void (*close)(struct vm_area_struct *area);
	int (*may_split)(struct vm_area_struct *area, unsigned long addr);
	int (*mremap)(struct vm_area_struct *area);
	int (*mprotect)(struct vm_area_struct *vma, unsigned long start, unsigned long end,
			unsigned long newflags);
	vm_fault_t (*fault)(struct vm_fault *vmf);
	vm_fault_t (*huge_fault)(struct vm_fault *vmf, unsigned int order);
	vm_fault_t (*map_pages)(struct vm_fault *vmf, pgoff_t start_pgoff, pgoff_t end_pgoff);
	unsigned long (*pagesize)(struct vm_area_struct *area);
	vm_fault_t (*page_mkwrite)(struct vm_fault *vmf);
	vm_fault_t (*pfn_mkwrite)(struct vm_fault *vmf);
	int (*access)(struct vm_area_struct *vma, unsigned long addr, void *buf, int len, int write);
	const char *(*name)(struct vm_area_struct *vma);
};

/* What a ->fault handler is told (the fields drivers read). */
struct vm_fault {
	struct vm_area_struct *vma;	/* Target VMA */
	gfp_t gfp_mask;			/* gfp mask to be used for allocations */
	pgoff_t pgoff;			/* Logical page offset based on vma */
	unsigned long address;		/* Faulting virtual address - masked */
	unsigned int flags;		/* FAULT_FLAG_xxx flags */
};

static inline void vm_flags_init(struct vm_area_struct *vma, vm_flags_t flags)
{
	vma->__vm_flags = flags;
}

static inline void vm_flags_reset(struct vm_area_struct *vma, vm_flags_t flags)
{
	vm_flags_init(vma, flags);
}

static inline void vm_flags_set(struct vm_area_struct *vma, vm_flags_t flags)
{
	vma->__vm_flags |= flags;
}

static inline void vm_flags_clear(struct vm_area_struct *vma, vm_flags_t flags)
{
	vma->__vm_flags &= ~flags;
}

static inline void vm_flags_mod(struct vm_area_struct *vma, vm_flags_t set, vm_flags_t clear)
{
	vma->__vm_flags = (vma->__vm_flags | set) & ~clear;
}

/* Pages in the VMA. */
static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/*
 * struct page (the block layer's bio_vec needs one): memory is identity-mapped and there is no page
 * array, so a page's struct page is the address of its first byte. The type stays incomplete, so
 * arithmetic on it does not compile; nth_page() steps whole pages.
 */
struct page;

static inline void *page_address(const struct page *page)
{
	return (void *)page;
}

static inline struct page *virt_to_page(const void *addr)
{
	return (struct page *)((unsigned long)addr & PAGE_MASK);
}

#define nth_page(pg, n)	((struct page *)((char *)(pg) + ((unsigned long)(n) << PAGE_SHIFT)))
#define page_to_virt(page)	page_address(page)
#define virt_addr_valid(addr)	((unsigned long)(addr) != 0)

#endif /* _LINUX_MM_H */
