// The kernel's Web Worker: one LabSession (kernel + file system + shell) exposed with comlink. Module code
// runs here, so a module that never returns stops this worker only; the page's watchdog (lab.ts) notices,
// terminates it and boots a new one.

import * as Comlink from 'comlink';
import { LabSession } from './session.js';

Comlink.expose(new LabSession());
