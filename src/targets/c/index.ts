/**
 * @file The C spelling layer shared by C-family targets (neon now, cuda next): a language table, spellings of
 * literals / declarations / loops / select / casts, the scalar form of every element-wise op, helper functions
 * and a function writer. A target supplies its CLanguage (and, for vectors, an ISA table of its own).
 */
export { C99, type CLanguage, type MathFunction, type ValueKind } from './language.js';
export { addIndex, cast, declare, declareArray, floatLiteral, forHeader, intLiteral, literal, mulIndex, select, valueKind } from './spelling.js';
export { CAST_FORMS, scalarForms, type CastKey, type CForm, type ElementwiseOp, type ScalarForms } from './scalar-forms.js';
export { helperFunctions } from './helpers.js';
export { CWriter } from './writer.js';
export { broadcastStrides, collapse, type CollapsedNest } from './loop-nest.js';
