/**
 * @file The checker's entry point: scopes, recursion, every pattern on its own, then every
 * kernel (fields, sizes, elaborated mask and score) into the kernel model.
 */
import type { Expr, KernelDecl, PatternDecl } from '../frontend/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Program } from '../frontend/load.js';
import type { Kernel } from '../model/kernel.js';
import { checkAttention, type KernelEnv } from './attention.js';
import type { ProgramFacts } from './context.js';
import { checkGemm } from './gemm.js';
import { checkSelect } from './select.js';
import { checkPatternAlone } from './pattern-check.js';
import { Reporter } from './report.js';
import { buildScopes, checkKernelNames, findRecursion, type ScopedModule } from './scope.js';

/** What the checker reads of a loaded program; `Program` from `src/frontend/load.ts` fits. */
export interface CheckableProgram {
  readonly modules: readonly ScopedModule[];
  readonly sources: ReadonlyMap<string, string>;
}

/** The checker's result: valid kernels, and the checker's own diagnostics (not the loader's). */
export interface CheckResult {
  readonly kernels: Kernel[];
  readonly diagnostics: Diagnostic[];
}

const DESCRIBE_LIMIT = 40;

/** Quotes the source text of `e` (shortened) for messages; falls back to a short description. */
function describer(sources: ReadonlyMap<string, string>): (e: Expr) => string {
  return (e) => {
    const text = sources.get(e.span.file);
    let shown = text !== undefined && e.span.length > 0 ? text.slice(e.span.offset, e.span.offset + e.span.length) : '';
    if (!shown) shown = e.kind === 'name' ? e.name : e.kind === 'int' || e.kind === 'float' || e.kind === 'bool' ? String(e.value) : `a ${e.kind} expression`;
    shown = shown.replace(/\s+/g, ' ');
    return `'${shown.length > DESCRIBE_LIMIT ? `${shown.slice(0, DESCRIBE_LIMIT - 3)}...` : shown}'`;
  };
}

/** Orders diagnostics by file (in module order) and position, keeping report order for ties. */
function sortDiagnostics(ds: readonly Diagnostic[], files: readonly string[]): Diagnostic[] {
  const rank = (d: Diagnostic): number => {
    const i = files.indexOf(d.file);
    return i < 0 ? files.length : i;
  };
  return ds
    .map((d, i) => ({ d, i }))
    .sort((x, y) => rank(x.d) - rank(y.d) || (x.d.span?.offset ?? -1) - (y.d.span?.offset ?? -1) || x.i - y.i)
    .map((x) => x.d);
}

/**
 * Checks a loaded program: names, types, pattern calls, kernel fields and sizes. Returns the
 * kernels that are valid (in program order) and the checker's diagnostics. Never throws on user input.
 */
export function checkProgram(program: Program | CheckableProgram): CheckResult {
  const reporter = new Reporter();
  const modules = program.modules;
  const scopes = buildScopes(modules, reporter);
  const patterns = modules.flatMap((m) => m.module.decls.filter((d): d is PatternDecl => d.kind === 'pattern'));
  const { recursive, calleesFirst } = findRecursion(patterns, scopes, reporter);
  const facts: ProgramFacts = { reporter, scopeOf: scopes.scopeOf, recursive, params: new Map(), overflowed: new Set() };
  for (const decl of calleesFirst) checkPatternAlone(decl, facts);
  const unique = checkKernelNames(modules, reporter);
  const describe = describer(program.sources);
  const kernels: Kernel[] = [];
  for (const m of modules) {
    const scope = scopes.byModule.get(m)!;
    const env: KernelEnv = { reporter, describe, facts, scope };
    for (const decl of m.module.decls) {
      if (decl.kind !== 'kernel') continue;
      const kernel = checkKernel(decl, env);
      if (kernel && unique.has(decl)) kernels.push(kernel);
    }
  }
  return { kernels, diagnostics: sortDiagnostics(reporter.bag.all, modules.map((m) => m.display)) };
}

function checkKernel(decl: KernelDecl, env: KernelEnv): Kernel | null {
  return decl.op === 'attention' ? checkAttention(decl, env) : decl.op === 'select' ? checkSelect(decl, env) : checkGemm(decl, env);
}
