export * from './contract';
export * from './retry';
export * from './transport';
export * from './batches';
export * from './transcripts';
export { parseBatchResponse } from './response';
export * from './client';
export * from './callbacks';
