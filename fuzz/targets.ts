// The fuzz targets by name, each with its share of the inputs of a run; shared by npm run fuzz and
// the fixed-seed share npm test runs.

import type fc from 'fast-check';
import type { Kernel } from '../src/kernel/kernel.js';
import { depmodConfigProperty, modprobeConfigProperty } from './config.js';
import { KernelSession, loaderProperty } from './loader.js';
import { metadataProperty } from './metadata.js';
import { depmodTreeProperty } from './depmod-tree.js';
import { paramsProperty } from './params.js';
import { pathsProperty, type HostRoot } from './paths.js';
import { sequenceModules, sequenceProperty } from './sequences.js';
import { shellProperty } from './shell.js';
import type { Tally } from './tally.js';

export interface FuzzInputs {
  /** Real .ko files by file name (hello-params.ko among them). */
  modules: Map<string, Uint8Array>;
  boot: () => Promise<Kernel>;
  /** The sequences target's modules (sequenceModules()). */
  sequenceModules: Awaited<ReturnType<typeof sequenceModules>>;
  /** A host directory as the emulated root (the paths target). */
  hostRoot: HostRoot;
}

type AnyProperty = fc.IAsyncPropertyWithHooks<never> | fc.IPropertyWithHooks<never>;

export interface Target {
  name: string;
  /** Fraction of a run's inputs. */
  share: number;
  property(inputs: FuzzInputs, tally: Tally): AnyProperty;
}

const p = <T>(x: fc.IAsyncPropertyWithHooks<T> | fc.IPropertyWithHooks<T>) => x as unknown as AnyProperty;

export const TARGETS: Target[] = [
  {
    name: 'loader', share: 0.1,
    property: ({ modules, boot }, tally) => {
      const kos = [...modules.values()];
      return p(loaderProperty(kos, new KernelSession({ boot, warmUp: kos }), tally));
    },
  },
  {
    name: 'sequences', share: 0.1,
    property: ({ boot, sequenceModules: mods }, tally) => p(sequenceProperty(mods, boot, tally)),
  },
  { name: 'metadata', share: 0.15, property: ({ modules }, tally) => p(metadataProperty([...modules.values()], tally)) },
  {
    name: 'params', share: 0.05,
    property: ({ modules, boot }, tally) => {
      const ko = modules.get('hello-params.ko');
      if (!ko) throw new Error('hello-params.ko is not built (npm run build)');
      return p(paramsProperty(ko, new KernelSession({ boot, warmUp: [ko] }), tally));
    },
  },
  { name: 'modprobe.d', share: 0.2, property: (_, tally) => p(modprobeConfigProperty(tally)) },
  { name: 'depmod tree', share: 0.03, property: ({ modules }, tally) => p(depmodTreeProperty([...modules.values()], tally)) },
  { name: 'depmod.d', share: 0.12, property: (_, tally) => p(depmodConfigProperty(tally)) },
  { name: 'paths', share: 0.05, property: ({ hostRoot }, tally) => p(pathsProperty(hostRoot, tally)) },
  { name: 'shell', share: 0.2, property: (_, tally) => p(shellProperty(tally)) },
];
