/** @file The bench framework's public surface: cases, work counts, timing, rows, the runner, table / JSON / plot output. */
export * from './attention-work.js';
export * from './cases.js';
export * from './gemm-cases.js';
export * from './output.js';
export * from './plot.js';
export * from './rows.js';
export * from './runner.js';
export * from './stats.js';
export * from './timing.js';
