// SPDX-License-Identifier: GPL-2.0
/*
 * An RCU-protected list updated while readers walk it. `readers` kernel threads walk the list again
 * and again under rcu_read_lock(), checking every entry (its check word must match its key and value);
 * one updater thread replaces entries `updates` times with list_replace_rcu() — the new version
 * first, then the old one retired in turn by kfree_rcu(), call_rcu() and synchronize_rcu() + kfree().
 * An entry retired through call_rcu() or synchronize_rcu() is poisoned before it is freed, so a reader
 * that could still see it would count a torn read. /proc/rcu_list waits for the updater and shows the counts; torn reads must be 0.
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/wait.h>
#include <linux/atomic.h>

static unsigned int readers = 2;
module_param(readers, uint, 0444);
MODULE_PARM_DESC(readers, "Reader threads");
static unsigned int updates = 3000;
module_param(updates, uint, 0444);
MODULE_PARM_DESC(updates, "Entries the updater replaces");

#define ENTRIES	8
#define MAGIC	0x5eed5eedU

struct entry {
	unsigned int key, value, check;
	struct list_head node;
	struct rcu_head rcu;
};

static LIST_HEAD(list);
static DEFINE_SPINLOCK(update_lock);		/* serialises the updaters (one here) */
static atomic_t freed = ATOMIC_INIT(0), torn = ATOMIC_INIT(0), passes = ATOMIC_INIT(0);
static atomic_t readers_in = ATOMIC_INIT(0);	/* readers that made their first pass */
static DECLARE_WAIT_QUEUE_HEAD(readers_wq);
static unsigned int retired_by[3];
static bool updater_done;
static DECLARE_WAIT_QUEUE_HEAD(done_wq);
static struct task_struct **reader_tasks, *updater;
static struct proc_dir_entry *proc;

static unsigned int check_of(unsigned int key, unsigned int value) { return key ^ value ^ MAGIC; }

static struct entry *entry_new(unsigned int key, unsigned int value)
{
	struct entry *e = kmalloc(sizeof(*e), GFP_KERNEL);

	if (e) {
		e->key = key;
		e->value = value;
		e->check = check_of(key, value);
	}
	return e;
}

/* The end of an entry's life: poisoned (a reader still on it would notice), then freed. */
static void entry_retire(struct entry *e)
{
	e->check = ~check_of(e->key, e->value);
	atomic_inc(&freed);
	kfree(e);
}

static void entry_free_rcu(struct rcu_head *head)
{
	entry_retire(container_of(head, struct entry, rcu));
}

static int reader_fn(void *data)
{
	bool walked = false;

	while (!kthread_should_stop()) {
		struct entry *e;
		unsigned int n = 0;

		rcu_read_lock();
		list_for_each_entry_rcu(e, &list, node) {
			unsigned int k;

			/* Stay on the entry a moment, as real readers do work on what they found. */
			for (k = 0; k < 64; k++)
				if (READ_ONCE(e->check) != check_of(e->key, e->value)) {
					atomic_inc(&torn);
					break;
				}
			n++;
		}
		rcu_read_unlock();
		if (n != ENTRIES)
			atomic_inc(&torn);
		atomic_inc(&passes);
		if (!walked) {
			walked = true;
			atomic_inc(&readers_in);
			wake_up(&readers_wq);
		}
		cond_resched();
	}
	return 0;
}

static int updater_fn(void *data)
{
	unsigned int i;

	/* The updates begin once the readers are walking (their workers take a moment to start). */
	wait_event_interruptible(readers_wq, atomic_read(&readers_in) >= readers || kthread_should_stop());
	for (i = 0; i < updates && !kthread_should_stop(); i++) {
		struct entry *old, *new;
		unsigned int key = i % ENTRIES;

		spin_lock(&update_lock);
		list_for_each_entry(old, &list, node)
			if (old->key == key)
				break;
		spin_unlock(&update_lock);
		new = entry_new(key, old->value + 1);
		if (!new)
			break;
		spin_lock(&update_lock);
		list_replace_rcu(&old->node, &new->node);
		spin_unlock(&update_lock);
		switch (i % 3) {
		case 0:
			/* Freed by the kernel after the grace period (no callback of ours to poison it). */
			kfree_rcu(old, rcu);
			break;
		case 1:
			call_rcu(&old->rcu, entry_free_rcu);
			break;
		default:
			synchronize_rcu();
			entry_retire(old);
		}
		retired_by[i % 3]++;
	}
	rcu_barrier();	/* every call_rcu() callback has run */
	WRITE_ONCE(updater_done, true);
	wake_up_all(&done_wq);
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

static int rcu_list_show(struct seq_file *m, void *v)
{
	int ret = wait_event_interruptible(done_wq, READ_ONCE(updater_done));

	if (ret)
		return ret;
	seq_printf(m, "entries %d\nreaders %u\nupdates %u\n", ENTRIES, readers, updates);
	seq_printf(m, "retired by kfree_rcu %u, call_rcu %u, synchronize_rcu %u\n",
		   retired_by[0], retired_by[1], retired_by[2]);
	seq_printf(m, "poisoned and freed %d\ntorn reads %d\nreaders walked the list: %s\n", atomic_read(&freed),
		   atomic_read(&torn), atomic_read(&passes) > 0 ? "yes" : "no");
	return 0;
}

static void stop_all(unsigned int n)
{
	struct entry *e, *tmp;

	if (!IS_ERR_OR_NULL(updater))
		kthread_stop(updater);
	while (n--)
		kthread_stop(reader_tasks[n]);
	kfree(reader_tasks);
	rcu_barrier();
	list_for_each_entry_safe(e, tmp, &list, node) {
		list_del(&e->node);
		kfree(e);
	}
}

static int __init rcu_list_init(void)
{
	unsigned int i;

	for (i = 0; i < ENTRIES; i++) {
		struct entry *e = entry_new(i, 0);

		if (!e) {
			stop_all(0);
			return -ENOMEM;
		}
		list_add_tail(&e->node, &list);
	}
	reader_tasks = kcalloc(readers, sizeof(*reader_tasks), GFP_KERNEL);
	if (!reader_tasks) {
		stop_all(0);
		return -ENOMEM;
	}
	for (i = 0; i < readers; i++) {
		reader_tasks[i] = kthread_run(reader_fn, NULL, "rcu_reader/%u", i);
		if (IS_ERR(reader_tasks[i])) {
			int err = PTR_ERR(reader_tasks[i]);

			stop_all(i);
			return err;
		}
	}
	updater = kthread_run(updater_fn, NULL, "rcu_updater");
	if (IS_ERR(updater)) {
		int err = PTR_ERR(updater);

		stop_all(readers);
		return err;
	}
	proc = proc_create_single("rcu_list", 0444, NULL, rcu_list_show);
	if (!proc) {
		stop_all(readers);
		return -ENOMEM;
	}
	return 0;
}

static void __exit rcu_list_exit(void)
{
	proc_remove(proc);
	stop_all(readers);
	pr_info("rcu_list: %d reader passes, %d torn reads\n", atomic_read(&passes), atomic_read(&torn));
}

module_init(rcu_list_init);
module_exit(rcu_list_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("An RCU-protected list replaced under running readers");
