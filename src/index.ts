/**
 * @file The package's main export: the TypeScript builder API used by `.ts` spec files, and the
 * public types of the checked kernel model.
 */
export * from './builder/index.js';
export type {
  DType, Size, InputAxis, RuntimeInput, Schedules, Origin, AttentionKernel, WeightFormat, Epilogue,
  GemmKernel, Kernel, AttentionSizes, GemmSizes,
} from './model/kernel.js';

/** The sparsec version. */
export const VERSION = "0.1.0";
