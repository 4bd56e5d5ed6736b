export * from './client';
export * from './result';
export * from './list-stream';
export * from './loading';
export * from './track-load';
