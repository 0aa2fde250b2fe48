/**
 * @file Public surface of the run-time planner shipped with generated kernels.
 */
export { buildPlan, planSlice, mentionsVar, type PlanOptions } from './planner.js';
export { compileBoxEvaluator, evalBox, linearForm, children, type Box, type BoxEvaluator, type LinearForm } from './interval.js';
export { summarizeRuntime, runtimeShape } from './summaries.js';
export { compileKeyRanges, intersectRanges, unionRanges, type KeyRanges, type KeyRangeFn } from './key-ranges.js';
export * from './types.js';
