/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_SEQLOCK_H
#define __LINUX_SEQLOCK_H

/*
 * Sequence counters and sequential locks. A writer makes the count odd while it writes and even again
 * after; a reader takes the count (waiting while it is odd), reads, and retries if the count changed.
 * Readers never block writers. The seqcount_LOCKNAME_t forms carry the lock that serialises writers;
 * every accessor takes any of them (_Generic), as Linux's __seqprop() does.
 */
#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <asm/barrier.h>
#include <asm/processor.h>

typedef struct seqcount {
	unsigned sequence;
} seqcount_t;

#define SEQCNT_ZERO(name)	{ .sequence = 0 }
static inline void seqcount_init(seqcount_t *s) { s->sequence = 0; }
#define __seqcount_init(s, name, key)	seqcount_init(s)
#define seqcount_lockdep_reader_access(s) do { } while (0)

#define SEQCOUNT_LOCKNAME(lockname, locktype)					\
typedef struct seqcount_##lockname {						\
	seqcount_t	seqcount;						\
	locktype	*lock;							\
} seqcount_##lockname##_t;							\
static inline void seqcount_##lockname##_init(seqcount_##lockname##_t *s, locktype *lock) \
{										\
	seqcount_init(&s->seqcount);						\
	s->lock = lock;								\
}

SEQCOUNT_LOCKNAME(raw_spinlock, raw_spinlock_t)
SEQCOUNT_LOCKNAME(spinlock, spinlock_t)
SEQCOUNT_LOCKNAME(rwlock, rwlock_t)
SEQCOUNT_LOCKNAME(mutex, struct mutex)

#define SEQCNT_RAW_SPINLOCK_ZERO(name, l)	{ .seqcount = SEQCNT_ZERO(name), .lock = (l) }
#define SEQCNT_SPINLOCK_ZERO(name, l)	{ .seqcount = SEQCNT_ZERO(name), .lock = (l) }
#define SEQCNT_RWLOCK_ZERO(name, l)		{ .seqcount = SEQCNT_ZERO(name), .lock = (l) }
#define SEQCNT_MUTEX_ZERO(name, l)		{ .seqcount = SEQCNT_ZERO(name), .lock = (l) }

/* The seqcount_t inside any of the forms. */
#define __seqcount_ptr(s)							\
	_Generic(*(s),								\
		seqcount_t:			(seqcount_t *)(s),		\
		seqcount_raw_spinlock_t:	&((seqcount_raw_spinlock_t *)(s))->seqcount, \
		seqcount_spinlock_t:		&((seqcount_spinlock_t *)(s))->seqcount, \
		seqcount_rwlock_t:		&((seqcount_rwlock_t *)(s))->seqcount, \
		seqcount_mutex_t:		&((seqcount_mutex_t *)(s))->seqcount)

static inline unsigned __seq_begin(const seqcount_t *s)
{
	unsigned seq;

	while ((seq = __atomic_load_n(&s->sequence, __ATOMIC_ACQUIRE)) & 1)
		cpu_relax();
	return seq;
}

static inline int __seq_retry(const seqcount_t *s, unsigned start)
{
	smp_rmb();
	return unlikely(READ_ONCE(s->sequence) != start);
}

static inline void __seq_write_begin(seqcount_t *s)
{
	WRITE_ONCE(s->sequence, s->sequence + 1);
	smp_wmb();
}

static inline void __seq_write_end(seqcount_t *s)
{
	smp_wmb();
	__atomic_store_n(&s->sequence, s->sequence + 1, __ATOMIC_RELEASE);
}

#define raw_read_seqcount_begin(s)	__seq_begin(__seqcount_ptr(s))
#define read_seqcount_begin(s)		__seq_begin(__seqcount_ptr(s))
#define __read_seqcount_begin(s)	__seq_begin(__seqcount_ptr(s))
/* The count as it is, odd or not (the caller checks). */
#define raw_read_seqcount(s)		__atomic_load_n(&__seqcount_ptr(s)->sequence, __ATOMIC_ACQUIRE)
#define raw_seqcount_begin(s)		(raw_read_seqcount(s) & ~1u)
#define read_seqcount_retry(s, start)	__seq_retry(__seqcount_ptr(s), start)
#define __read_seqcount_retry(s, start)	__seq_retry(__seqcount_ptr(s), start)
#define raw_read_seqcount_retry(s, start) __seq_retry(__seqcount_ptr(s), start)

/* Writers: preemption off while the count is odd, so a reader never waits for a sleeping writer. */
#define raw_write_seqcount_begin(s)	__seq_write_begin(__seqcount_ptr(s))
#define raw_write_seqcount_end(s)	__seq_write_end(__seqcount_ptr(s))
#define write_seqcount_begin(s)		do { preempt_disable(); raw_write_seqcount_begin(s); } while (0)
#define write_seqcount_end(s)		do { raw_write_seqcount_end(s); preempt_enable(); } while (0)
#define write_seqcount_begin_nested(s, subclass) write_seqcount_begin(s)
/* Readers inside their section retry, whatever they read. */
#define write_seqcount_invalidate(s)						\
	do { smp_wmb(); __seqcount_ptr(s)->sequence += 2; } while (0)

/* ---- seqlock_t: a seqcount and the spinlock of its writers ------------------------------------- */

typedef struct {
	seqcount_spinlock_t seqcount;
	spinlock_t lock;
} seqlock_t;

#define __SEQLOCK_UNLOCKED(lockname)						\
	{ .seqcount = SEQCNT_SPINLOCK_ZERO(lockname, &(lockname).lock),	\
	  .lock = __SPIN_LOCK_UNLOCKED(lockname) }
#define DEFINE_SEQLOCK(sl)	seqlock_t sl = __SEQLOCK_UNLOCKED(sl)

static inline void seqlock_init(seqlock_t *sl)
{
	spin_lock_init(&sl->lock);
	seqcount_spinlock_init(&sl->seqcount, &sl->lock);
}

static inline unsigned read_seqbegin(const seqlock_t *sl) { return __seq_begin(&sl->seqcount.seqcount); }
static inline unsigned read_seqretry(const seqlock_t *sl, unsigned start)
{
	return __seq_retry(&sl->seqcount.seqcount, start);
}

static inline void write_seqlock(seqlock_t *sl)
{
	spin_lock(&sl->lock);
	__seq_write_begin(&sl->seqcount.seqcount);
}
static inline void write_sequnlock(seqlock_t *sl)
{
	__seq_write_end(&sl->seqcount.seqcount);
	spin_unlock(&sl->lock);
}
#define write_seqlock_bh(sl)		write_seqlock(sl)
#define write_sequnlock_bh(sl)		write_sequnlock(sl)
#define write_seqlock_irq(sl)		write_seqlock(sl)
#define write_sequnlock_irq(sl)		write_sequnlock(sl)
#define write_seqlock_irqsave(sl, flags) do { (flags) = 0; write_seqlock(sl); } while (0)
#define write_sequnlock_irqrestore(sl, flags) do { (void)(flags); write_sequnlock(sl); } while (0)

/* A reader that takes the writers' lock: it sees no write in progress and keeps writers out. */
static inline void read_seqlock_excl(seqlock_t *sl) { spin_lock(&sl->lock); }
static inline void read_sequnlock_excl(seqlock_t *sl) { spin_unlock(&sl->lock); }
#define read_seqlock_excl_bh(sl)	read_seqlock_excl(sl)
#define read_sequnlock_excl_bh(sl)	read_sequnlock_excl(sl)
#define read_seqlock_excl_irq(sl)	read_seqlock_excl(sl)
#define read_sequnlock_excl_irq(sl)	read_sequnlock_excl(sl)
#define read_seqlock_excl_irqsave(sl, flags) do { (flags) = 0; read_seqlock_excl(sl); } while (0)
#define read_sequnlock_excl_irqrestore(sl, flags) do { (void)(flags); read_sequnlock_excl(sl); } while (0)

/*
 * A lockless pass first (*seq even); if it must retry, the caller sets seq = 1 and the next pass locks:
 * `int seq = 0; again: read_seqbegin_or_lock(&l, &seq); …; if (need_seqretry(&l, seq)) { seq = 1;
 * goto again; } done_seqretry(&l, seq);`
 */
static inline void read_seqbegin_or_lock(seqlock_t *lock, int *seq)
{
	if (!(*seq & 1))
		*seq = read_seqbegin(lock);
	else
		read_seqlock_excl(lock);
}
static inline int need_seqretry(seqlock_t *lock, int seq)
{
	return !(seq & 1) && read_seqretry(lock, seq);
}
static inline void done_seqretry(seqlock_t *lock, int seq)
{
	if (seq & 1)
		read_sequnlock_excl(lock);
}

#endif /* __LINUX_SEQLOCK_H */
