/**
 * @file The verify harness: sizes, comparison, the runner, reports and the reference32 target.
 */
export type { Availability, CompiledKernel, Target } from './target.js';
export { verifySizes, resolveAttentionSizes, resolveGemmSizes, type VerifyCase } from './sizes.js';
export { compareOutput, describeMismatch, poison, POISON_BITS, TOLERANCES, type MismatchSummary, type Tolerance } from './compare.js';
export { verifyKernels, sampleRows, type VerifyOptions, type VerifyReport, type VerifyResult } from './verify.js';
export { formatReport, reportJson, exitCode, summarize, type ReportSummary } from './report.js';
export { reference32 } from './reference-target.js';
