// SPDX-License-Identifier: GPL-2.0
/* The CPU masks (kernel/cpu.c): CPU 0 is possible, present, online and active; it is the only one. */
#include <linux/cpumask.h>
#include <linux/export.h>

static const struct cpumask cpu0_mask = { .bits = { 1UL } };

const struct cpumask *const cpu_possible_mask = &cpu0_mask;
EXPORT_SYMBOL(cpu_possible_mask);
const struct cpumask *const cpu_online_mask = &cpu0_mask;
EXPORT_SYMBOL(cpu_online_mask);
const struct cpumask *const cpu_present_mask = &cpu0_mask;
EXPORT_SYMBOL(cpu_present_mask);
const struct cpumask *const cpu_active_mask = &cpu0_mask;
EXPORT_SYMBOL(cpu_active_mask);

static const struct cpumask no_cpu_mask;

const struct cpumask *cpumask_of(unsigned int cpu)
{
	return cpu == 0 ? &cpu0_mask : &no_cpu_mask;
}
EXPORT_SYMBOL(cpumask_of);
