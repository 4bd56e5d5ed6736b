export * from './common';
export * from './auth';
export * from './licenses';
export * from './commands';
export * from './status';
export * from './activations';
export * from './storage';
export * from './events';
