/**
 * @file Assembles a kernel's WAT module (imports, prelude helpers, the `run` function), then has
 * binaryen parse, validate and optimise it in memory and emit the binary: one SIMD128 module and
 * one relaxed-SIMD variant (fused multiply-add) per kernel, both with an imported shared memory.
 */
import binaryen from 'binaryen';
import type { Node } from '../../ir/node.js';
import type { WasmAbi } from '../../runtime/wasm/abi.js';
import { printKernelFunction } from './emit.js';
import { readOuterWalk } from '../../passes/lower-gemm-outer.js';
import { printSparseGemm } from './sparse-gemm.js';
import { PRELUDE_FUNCTIONS, importsText } from './prelude.js';

/** A compiled kernel module pair and its calling convention. */
export interface WasmModules {
  readonly abi: WasmAbi;
  /** SIMD128 only: runs on every engine with wasm SIMD. */
  readonly simd: Uint8Array;
  /** Relaxed SIMD (fused multiply-add): chosen at load time where the engine validates it. */
  readonly relaxed: Uint8Array;
  /** The optimised text of the SIMD128 module (for `--emit wat`). */
  readonly text: string;
}

const BASE_FEATURES = (): number =>
  binaryen.Features.MVP | binaryen.Features.SIMD128 | binaryen.Features.BulkMemory | binaryen.Features.BulkMemoryOpt | binaryen.Features.Atomics |
  binaryen.Features.NontrappingFPToInt | binaryen.Features.SignExt | binaryen.Features.MutableGlobals;

/** A module around function text `fn`: imports, prelude helpers, the function. */
const wrapModule = (fn: string): string => `(module\n${importsText(true, fn)}\n${PRELUDE_FUNCTIONS}\n${fn}\n)`;

/** The WAT text of `kernel`'s module. */
export function kernelWat(kernel: Node, relaxed: boolean): { wat: string; fn: ReturnType<typeof printKernelFunction> } {
  const fn = printKernelFunction(kernel, relaxed);
  return { wat: wrapModule(fn.wat), fn };
}

/**
 * Binaryen inlines functions up to this size (its default, 20, leaves the prelude's $softexpv a call in the
 * softmax's exp loop: inlined, the sinks + window kernel ran about 7% faster in one interleaved run).
 */
const FLEXIBLE_INLINE_MAX_SIZE = 80;

function assemble(wat: string, relaxed: boolean, optimize: boolean): { binary: Uint8Array; text: string } {
  const mod = binaryen.parseText(wat);
  try {
    mod.setFeatures(BASE_FEATURES() | (relaxed ? binaryen.Features.RelaxedSIMD : 0));
    if (!mod.validate()) throw new Error('wasm: binaryen rejected the generated module (a sparsec bug)');
    if (optimize) {
      binaryen.setOptimizeLevel(3);
      binaryen.setShrinkLevel(0);
      const inlineSize = binaryen.getFlexibleInlineMaxSize();
      binaryen.setFlexibleInlineMaxSize(FLEXIBLE_INLINE_MAX_SIZE);
      try {
        mod.optimize();
      } finally {
        binaryen.setFlexibleInlineMaxSize(inlineSize);
      }
    }
    return { binary: mod.emitBinary(), text: relaxed ? '' : mod.emitText() };
  } finally {
    mod.dispose();
  }
}

/** Options of `compileWasmModules`. */
export interface CompileWasmOptions {
  readonly optimize?: boolean;
}

/** The printed WAT of both variants (before binaryen's optimiser) and the module's calling convention. */
export interface WasmModuleTexts {
  readonly abi: WasmAbi;
  readonly simd: string;
  readonly relaxed: string;
}

/** Both variants of a sparse gemm micro-kernel as text, or null when the final IR has no outer walk (lower-gemm-outer). */
function sparseGemmTexts(kernel: Node): WasmModuleTexts | null {
  const walk = readOuterWalk(kernel);
  if (!walk) return null;
  const plain = printSparseGemm(walk, false);
  const fused = printSparseGemm(walk, true);
  const abi: WasmAbi = { kernel: String(kernel.arg), params: plain.params.map((p) => ({ ...p })), scratchBytes: plain.scratchBytes, parallel: plain.parallel };
  return { abi, simd: wrapModule(plain.wat), relaxed: wrapModule(fused.wat) };
}

/**
 * The WAT text of both module variants of final tile IR `kernel`, as printed (goldens compare this): the csr / bsr /
 * nm outer-product micro-kernel of sparse-gemm.ts where the IR is an outer gemm walk (lower-gemm-outer), else the IR.
 */
export function printWasmModules(kernel: Node): WasmModuleTexts {
  const sparse = sparseGemmTexts(kernel);
  if (sparse) return sparse;
  const plain = kernelWat(kernel, false);
  const abi: WasmAbi = {
    kernel: String(kernel.arg),
    params: plain.fn.params.map((p) => ({ ...p })),
    scratchBytes: plain.fn.scratchBytes,
    parallel: plain.fn.parallel,
    ...(plain.fn.sharedBytes > 0 ? { sharedBytes: plain.fn.sharedBytes } : {}),
  };
  return { abi, simd: plain.wat, relaxed: kernelWat(kernel, true).wat };
}

/** Compiles final tile IR `kernel` to both module variants. */
export function compileWasmModules(kernel: Node, opts: CompileWasmOptions = {}): WasmModules {
  const optimize = opts.optimize ?? true;
  const texts = printWasmModules(kernel);
  const simd = assemble(texts.simd, false, optimize);
  const relaxed = assemble(texts.relaxed, true, optimize);
  return { abi: texts.abi, simd: simd.binary, relaxed: relaxed.binary, text: simd.text };
}
