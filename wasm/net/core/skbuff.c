// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Socket buffers (net/core/skbuff.c): allocation with the caller's module as the owner of both the
 * struct and its data (a module's skbs that are never freed are its leaks), freeing at the last
 * reference, the checked put/push/pull, copies, and the locked queue operations.
 */
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/export.h>
#include <linux/printk.h>
#include <linux/instruction_pointer.h>

static struct sk_buff *skb_alloc_data(unsigned int size, gfp_t gfp, struct module *owner)
{
	struct sk_buff *skb;
	u8 *data;

	size = SKB_DATA_ALIGN(size);
	skb = __lkm_kmalloc(sizeof(*skb), gfp | __GFP_ZERO, owner);
	if (!skb)
		return NULL;
	data = __lkm_kmalloc(size ? size : 1, gfp & ~__GFP_ZERO, owner);
	if (!data) {
		kfree(skb);
		return NULL;
	}
	skb->head = data;
	skb->data = data;
	skb_reset_tail_pointer(skb);
	skb->end = data + size;
	skb->truesize = SKB_TRUESIZE(size);
	refcount_set(&skb->users, 1);
	skb->mac_header = (u16)~0U;
	skb->transport_header = (u16)~0U;
	return skb;
}

struct sk_buff *__lkm_alloc_skb(unsigned int size, gfp_t priority, struct module *owner)
{
	return skb_alloc_data(size, priority, owner);
}
EXPORT_SYMBOL(__lkm_alloc_skb);

/* Linux reserves NET_SKB_PAD of headroom for what the stack prepends on the way up or out. */
struct sk_buff *__lkm_netdev_alloc_skb(struct net_device *dev, unsigned int len, gfp_t gfp_mask,
				       struct module *owner)
{
	struct sk_buff *skb = skb_alloc_data(len + NET_SKB_PAD, gfp_mask, owner);

	if (!skb)
		return NULL;
	skb_reserve(skb, NET_SKB_PAD);
	skb->dev = dev;
	return skb;
}
EXPORT_SYMBOL(__lkm_netdev_alloc_skb);

void __kfree_skb(struct sk_buff *skb)
{
	skb_orphan(skb);
	kfree(skb->head);
	kfree(skb);
}
EXPORT_SYMBOL(__kfree_skb);

void kfree_skb(struct sk_buff *skb)
{
	if (skb_unref(skb))
		__kfree_skb(skb);
}
EXPORT_SYMBOL(kfree_skb);

void consume_skb(struct sk_buff *skb)
{
	if (skb_unref(skb))
		__kfree_skb(skb);
}
EXPORT_SYMBOL(consume_skb);

void kfree_skb_list(struct sk_buff *segs)
{
	while (segs) {
		struct sk_buff *next = segs->next;

		kfree_skb(segs);
		segs = next;
	}
}
EXPORT_SYMBOL(kfree_skb_list);

/* Linux's skb_panic(): the message, then BUG() (an Oops here: the calling process dies). */
static void skb_panic(struct sk_buff *skb, unsigned int sz, void *addr, const char msg[])
{
	pr_emerg("%s: text:%px len:%d put:%d head:%px data:%px tail:%#lx end:%#lx dev:%s\n",
		 msg, addr, skb->len, sz, skb->head, skb->data, (unsigned long)(skb->tail - skb->head),
		 (unsigned long)(skb->end - skb->head), skb->dev ? skb->dev->name : "<NULL>");
	BUG();
}

void skb_over_panic(struct sk_buff *skb, unsigned int sz, void *addr)
{
	skb_panic(skb, sz, addr, __func__);
}
EXPORT_SYMBOL(skb_over_panic);

void skb_under_panic(struct sk_buff *skb, unsigned int sz, void *addr)
{
	skb_panic(skb, sz, addr, __func__);
}
EXPORT_SYMBOL(skb_under_panic);

void *skb_put(struct sk_buff *skb, unsigned int len)
{
	void *tmp = skb_tail_pointer(skb);

	skb->tail += len;
	skb->len += len;
	if (unlikely(skb->tail > skb->end))
		skb_over_panic(skb, len, (void *)_RET_IP_);
	return tmp;
}
EXPORT_SYMBOL(skb_put);

void *skb_push(struct sk_buff *skb, unsigned int len)
{
	skb->data -= len;
	skb->len += len;
	if (unlikely(skb->data < skb->head))
		skb_under_panic(skb, len, (void *)_RET_IP_);
	return skb->data;
}
EXPORT_SYMBOL(skb_push);

void *skb_pull(struct sk_buff *skb, unsigned int len)
{
	return skb_pull_inline(skb, len);
}
EXPORT_SYMBOL(skb_pull);

void skb_trim(struct sk_buff *skb, unsigned int len)
{
	if (skb->len > len)
		__skb_trim(skb, len);
}
EXPORT_SYMBOL(skb_trim);

/* A new head with @nhead more headroom and @ntail more tailroom; the data keeps its offsets. */
int pskb_expand_head(struct sk_buff *skb, int nhead, int ntail, gfp_t gfp_mask)
{
	unsigned int size = skb_end_offset(skb) + nhead + ntail;
	unsigned char *data;
	long off;

	BUG_ON(nhead < 0);
	BUG_ON(skb_shared(skb));
	size = SKB_DATA_ALIGN(size);
	data = kmalloc(size, gfp_mask);
	if (!data)
		return -ENOMEM;
	memcpy(data + nhead, skb->head, skb_tail_pointer(skb) - skb->head);
	off = (data + nhead) - skb->head;
	kfree(skb->head);
	skb->head = data;
	skb->data += off;
	skb->tail += off;
	skb->end = data + size;
	skb->mac_header += skb->mac_header == (u16)~0U ? 0 : nhead;
	skb->network_header += nhead;
	skb->transport_header += skb->transport_header == (u16)~0U ? 0 : nhead;
	skb->truesize = SKB_TRUESIZE(size);
	return 0;
}
EXPORT_SYMBOL(pskb_expand_head);

/* Zeroes @pad bytes after the data, making room when there is not enough tailroom. */
int __skb_pad(struct sk_buff *skb, int pad, bool free_on_error)
{
	int ntail = pad - skb_tailroom(skb);

	if (ntail > 0 && pskb_expand_head(skb, 0, ntail, GFP_ATOMIC)) {
		if (free_on_error)
			kfree_skb(skb);
		return -ENOMEM;
	}
	memset(skb->data + skb->len, 0, pad);
	return 0;
}
EXPORT_SYMBOL(__skb_pad);

struct sk_buff *__lkm_skb_copy(const struct sk_buff *skb, gfp_t gfp_mask, struct module *owner)
{
	unsigned int headroom = skb_headroom(skb);
	struct sk_buff *n = skb_alloc_data(skb_end_offset(skb), gfp_mask, owner);

	if (!n)
		return NULL;
	skb_reserve(n, headroom);
	skb_put(n, skb->len);
	memcpy(n->head, skb->head, headroom + skb->len);
	n->dev = skb->dev;
	n->protocol = skb->protocol;
	n->pkt_type = skb->pkt_type;
	n->ip_summed = skb->ip_summed;
	n->priority = skb->priority;
	n->mark = skb->mark;
	n->hash = skb->hash;
	n->tstamp = skb->tstamp;
	n->queue_mapping = skb->queue_mapping;
	n->skb_iif = skb->skb_iif;
	n->mac_len = skb->mac_len;
	n->mac_header = skb->mac_header;
	n->network_header = skb->network_header;
	n->transport_header = skb->transport_header;
	memcpy(n->cb, skb->cb, sizeof(n->cb));
	return n;
}
EXPORT_SYMBOL(__lkm_skb_copy);

/* ---- the locked queue operations ---- */

void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk)
{
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	__skb_queue_tail(list, newsk);
	spin_unlock_irqrestore(&list->lock, flags);
}
EXPORT_SYMBOL(skb_queue_tail);

void skb_queue_head(struct sk_buff_head *list, struct sk_buff *newsk)
{
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	__skb_queue_head(list, newsk);
	spin_unlock_irqrestore(&list->lock, flags);
}
EXPORT_SYMBOL(skb_queue_head);

struct sk_buff *skb_dequeue(struct sk_buff_head *list)
{
	unsigned long flags;
	struct sk_buff *result;

	spin_lock_irqsave(&list->lock, flags);
	result = __skb_dequeue(list);
	spin_unlock_irqrestore(&list->lock, flags);
	return result;
}
EXPORT_SYMBOL(skb_dequeue);

void skb_unlink(struct sk_buff *skb, struct sk_buff_head *list)
{
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	__skb_unlink(skb, list);
	spin_unlock_irqrestore(&list->lock, flags);
}
EXPORT_SYMBOL(skb_unlink);

void skb_queue_purge(struct sk_buff_head *list)
{
	struct sk_buff *skb;

	while ((skb = skb_dequeue(list)) != NULL)
		kfree_skb(skb);
}
EXPORT_SYMBOL(skb_queue_purge);
