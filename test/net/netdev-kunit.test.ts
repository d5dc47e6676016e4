// The KUnit suites of test/fixtures/modules/netdev-kunit.c: sk_buff's data area, queues and copies,
// eth_type_trans(), device names and ifindex, NETDEV_TX_BUSY with a stopped queue, netif_rx() delivery.
import { defineKunitTests } from '../../src/vitest/index.node.js';
import { fixture } from '../helpers/paths.js';

await defineKunitTests(fixture('netdev-kunit'), { boot: { isolate: 'none' } });
