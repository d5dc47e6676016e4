// The behaviour suites that drive the kernel through the lkm shell, run again with the kernel in a
// worker_threads Worker (isolate 'worker'): the shell reaches /proc and /sys through the worker kernel's
// KernelBacking, the tools await every call. Each imported file registers its tests here.
process.env.LKM_ISOLATE = 'worker';
await import('../kernel/lifecycle.test.js');
await import('../kernel/params.test.js');
await import('../kernel/failslab.test.js');
await import('../lib/selftests.test.js');
await import('../shell/shell.test.js');
await import('../shell/mount.test.js');
await import('../shell/jobs.test.js');
await import('../shell/sleeping.test.js');
await import('../shell/dd.test.js');
await import('../shell/chmod-sleep.test.js');
await import('../shell/dmesg-follow.test.js');
