export * from './client';
export * from './result';
export * from './list-stream';
