/** @file "Did you mean" suggestions for the checker (they live with the diagnostics so that passes validating target tables share them). */
export { closestName, didYouMean, levenshtein } from '../diagnostics/suggest.js';
