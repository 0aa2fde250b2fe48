/** @file The tile IR's public surface: node, ops, types, builder, text form, verifier. */
export { Node, loopParts, toposort, argText, type Arg, type LoopParts } from './node.js';
export { Op, OpGroup, opByName, isElementwise } from './ops.js';
export * from './dtype.js';
export { printKernel } from './print.js';
export { parseKernel, parseArg } from './parse.js';
export { verifyKernel, assertValid } from './verify.js';
export { linearize, type Placed, type Region } from './linearize.js';
export { substitute, substituteMany, rewriteBottomUp } from './rewrite.js';
