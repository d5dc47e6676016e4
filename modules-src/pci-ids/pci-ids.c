// SPDX-License-Identifier: GPL-2.0
/*
 * Device tables without a bus: a PCI and an OF (device tree) ID table. MODULE_DEVICE_TABLE() makes the
 * build's modpost (file2alias) write one "alias=" per entry, so depmod puts them in modules.alias and
 * `modprobe 'pci:v00008086d00001234sv00001028sd000004AAbc02sc00i00'` (a udev MODALIAS) loads the module.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/mod_devicetable.h>
#include <linux/pci.h>

static const struct pci_device_id pci_ids_table[] = {
	{ PCI_DEVICE(0x8086, 0x1234) },				/* one device, any subsystem */
	{ PCI_DEVICE_SUB(0x10ec, 0x8139, 0x1186, 0x1300) },	/* one board */
	{ PCI_DEVICE_CLASS(0x0c0330, 0xffffff) },		/* any xHCI controller */
	{ PCI_DEVICE_CLASS(0x020000, 0xffff00) },		/* any Ethernet controller, any prog-if */
	{ }
};
MODULE_DEVICE_TABLE(pci, pci_ids_table);

static const struct of_device_id pci_ids_of_match[] = {
	{ .compatible = "lkm,pci-ids" },
	{ .name = "widget", .type = "serial", .compatible = "lkm,widget v2" },
	{ }
};
MODULE_DEVICE_TABLE(of, pci_ids_of_match);

static int __init pci_ids_init(void)
{
	pr_info("%zu PCI IDs, %zu OF IDs\n", ARRAY_SIZE(pci_ids_table) - 1, ARRAY_SIZE(pci_ids_of_match) - 1);
	return 0;
}

static void __exit pci_ids_exit(void)
{
	pr_info("unloaded\n");
}

module_init(pci_ids_init);
module_exit(pci_ids_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Device ID tables: MODULE_DEVICE_TABLE(pci/of) become modalias patterns");
