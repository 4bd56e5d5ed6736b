export * from './database';
export * from './versions';
export * from './meta';
export * from './cache';
export * from './first-screen';
export * from './events';
export * from './first-paint';
export * from './arrival';
