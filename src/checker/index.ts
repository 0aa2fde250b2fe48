/**
 * @file Public API of the checker: `checkProgram` turns a loaded program into checked kernels.
 */
export { checkProgram, type CheckableProgram, type CheckResult } from './check.js';
export { closestName, didYouMean, levenshtein } from './suggest.js';
