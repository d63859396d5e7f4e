export * from './contract';
export * from './retry';
export * from './transport';
export * from './client';
