import { activationsSuite } from './activations';
import { batchAssignSuite } from './batch-assign';
import { serverWriteSuite } from './server-write';
import { statusSuite } from './status';
import { statusHttpsSuite } from './status-https';
import { bundleSuite } from './bundle';
import { devicesPage100kSuite, devicesPageSuite } from './devices-page';
import { syncSuite } from './sync';
import { nodeVersionsSuite } from './node-versions';
import type { BenchSuite } from './types';

/** Every suite `npm run bench` runs, in order. Add a suite here to have it measured and reported. */
export const SUITES: BenchSuite[] = [
  syncSuite,
  serverWriteSuite,
  activationsSuite,
  statusSuite,
  statusHttpsSuite,
  devicesPageSuite,
  devicesPage100kSuite,
  batchAssignSuite,
  bundleSuite,
  nodeVersionsSuite,
];
