/**
 * @file The public API of the `.sparse` front end: parse one text, load a whole program, print
 * an AST back to source.
 */
export type * from './ast.js';
export { parseSource, MAX_EXPRESSION_HEIGHT, MAX_DIAGNOSTICS_PER_FILE, type ParseResult } from './parse.js';
export { loadProgram, type LoadedModule, type Program, type TsSpecLoader, type LoadOptions } from './load.js';
export { MAX_SOURCE_BYTES, decodeSource } from './read.js';
export { MAX_NESTING } from './nesting.js';
export { printModule, printExpr, printDecl, printType } from './print.js';
export { stripSpans } from './strip-spans.js';
export { exprChildren, exprHeight, declExprs } from './walk.js';
