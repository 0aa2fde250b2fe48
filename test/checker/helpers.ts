/**
 * @file Test helpers: check source text in memory, render diagnostics, evaluate masks at points.
 */
import { parseSource } from '../../src/frontend/parse.js';
import { checkProgram, type CheckResult } from '../../src/checker/check.js';
import { renderDiagnostic } from '../../src/diagnostics/render.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { AttentionKernel, GemmKernel, Kernel } from '../../src/model/kernel.js';

/** Result of checking one in-memory file. */
export interface TextCheck extends CheckResult {
  readonly parseDiagnostics: readonly Diagnostic[];
  readonly rendered: string;
}

/** Parses and checks `text` as file `file` (no imports). */
export function checkText(text: string, file = 'test.sparse'): TextCheck {
  const { module, diagnostics: parseDiagnostics } = parseSource(file, text);
  const sources = new Map([[file, text]]);
  const result = checkProgram({ modules: [{ path: `/virtual/${file}`, display: file, module, imports: [] }], sources });
  const rendered = [...parseDiagnostics, ...result.diagnostics].map((d) => renderDiagnostic(d, sources)).join('\n');
  return { ...result, parseDiagnostics, rendered };
}

/** Codes of all diagnostics of a check. */
export function codes(r: TextCheck): string[] {
  return [...r.parseDiagnostics, ...r.diagnostics].map((d) => d.code);
}

/** The attention kernel named `name`. */
export function attention(r: CheckResult, name: string): AttentionKernel {
  const k = r.kernels.find((x: Kernel) => x.name === name);
  if (!k || k.kind !== 'attention') throw new Error(`no attention kernel '${name}'`);
  return k;
}

/** The gemm kernel named `name`. */
export function gemm(r: CheckResult, name: string): GemmKernel {
  const k = r.kernels.find((x: Kernel) => x.name === name);
  if (!k || k.kind !== 'gemm') throw new Error(`no gemm kernel '${name}'`);
  return k;
}
