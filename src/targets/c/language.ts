/**
 * @file The table a C-family target fills in (tinygrad's CStyleLanguage is the model): type names, literal
 * spellings, qualifiers, math function names and the prefix of helper functions. Targets differ only by this
 * table; every printer in src/targets/c reads it and never asks which target it prints for.
 */
import type { Scalar } from '../../ir/dtype.js';

/** Element kind of a value in registers: float math (f32) or integer (i32; bools are 0/1). */
export type ValueKind = 'f' | 'i';

/** Math functions with a C library spelling (f32 in, f32 out). */
export type MathFunction = 'exp' | 'log' | 'tanh' | 'erf' | 'sqrt' | 'floor' | 'abs' | 'sin' | 'cos' | 'exp2' | 'log2';

/** The spelling table of one C-family language. */
export interface CLanguage {
  /** Short name, used in generated comments only. */
  readonly name: string;
  /** Register type of a value of each kind (f32 math; i32 integers and bools). */
  readonly valueType: Readonly<Record<ValueKind, string>>;
  /** Element type of a global buffer by IR storage scalar (f16 / bf16 are 16-bit words unless the language has a type). */
  readonly storageType: Readonly<Record<Scalar, string>>;
  /** The no-alias pointer qualifier (`restrict` in C99, `__restrict__` in C++ / CUDA). */
  readonly restrict: string;
  /** Prefix of every helper function (`static inline`, `static __device__ __forceinline__`). */
  readonly helperPrefix: string;
  /** Prefix of the kernel entry point (`` for C, `extern "C" __global__` for CUDA). */
  readonly kernelPrefix: string;
  /** Library name of each f32 math function. */
  readonly math: Readonly<Record<MathFunction, string>>;
  /** Spellings of +inf and NaN as f32 expressions. */
  readonly infinity: string;
  readonly nan: string;
  /** Bit casts between f32 and u32 (`sx_as_u32(x)` in C through a union helper, `__float_as_uint(x)` in CUDA). */
  readonly floatBits: string;
  readonly bitsFloat: string;
  /** Lines every source starts with (includes, typedefs). */
  readonly prelude: readonly string[];
}

/** C99 as compiled by gcc / clang for a CPU (the neon target; helpers bit-cast through memcpy). */
export const C99: CLanguage = {
  name: 'c99',
  valueType: { f: 'float', i: 'int32_t' },
  storageType: { f32: 'float', i32: 'int32_t', u8: 'uint8_t', bool: 'uint8_t', f16: 'uint16_t', bf16: 'uint16_t' },
  restrict: 'restrict',
  helperPrefix: 'static inline',
  kernelPrefix: '',
  math: { exp: 'expf', log: 'logf', tanh: 'tanhf', erf: 'erff', sqrt: 'sqrtf', floor: 'floorf', abs: 'fabsf',
    sin: 'sinf', cos: 'cosf', exp2: 'exp2f', log2: 'log2f' },
  infinity: 'INFINITY',
  nan: 'NAN',
  floatBits: 'sx_f32_bits',
  bitsFloat: 'sx_bits_f32',
  prelude: ['#include <stdint.h>', '#include <string.h>', '#include <math.h>'],
};
