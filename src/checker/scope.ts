/**
 * @file Module scopes (each file sees its own patterns plus those of the files it imports,
 * transitively), duplicate declarations, duplicate kernel names, and recursion between patterns.
 */
import { dirname, resolve } from 'node:path';
import type { Expr, ImportDecl, KernelDecl, Module, PatternDecl } from '../frontend/ast.js';
import { RESERVED_NAMES } from './builtins.js';
import type { ModuleScope } from './context.js';
import { whereOf, type Reporter } from './report.js';

/** The part of a loaded module the checker reads (see `LoadedModule` in `src/frontend/load.ts`). */
export interface ScopedModule {
  readonly path: string;
  readonly display: string;
  readonly module: Module;
  readonly imports: readonly string[];
}

/** Scopes of all modules and the scope each pattern's body resolves in. */
export interface Scopes {
  readonly byModule: ReadonlyMap<ScopedModule, ModuleScope>;
  readonly scopeOf: ReadonlyMap<PatternDecl, ModuleScope>;
}

function patternsOf(m: Module): PatternDecl[] {
  return m.decls.filter((d): d is PatternDecl => d.kind === 'pattern');
}

/** The import declaration of `m` that resolves to `path` (by position when no path matches). */
function importDeclFor(m: ScopedModule, path: string, index: number): ImportDecl | undefined {
  const byPath = m.module.imports.find((i) => resolve(dirname(m.path), i.path) === path);
  return byPath ?? m.module.imports[index] ?? m.module.imports[0];
}

/** Patterns reachable through `m`'s imports, each with the import of `m` that brought it in. */
function importedPatterns(m: ScopedModule, byPath: ReadonlyMap<string, ScopedModule>): { decl: PatternDecl; via: ImportDecl | undefined }[] {
  const out: { decl: PatternDecl; via: ImportDecl | undefined }[] = [];
  const visited = new Set<string>([m.path]);
  m.imports.forEach((first, i) => {
    const via = importDeclFor(m, first, i);
    const stack = [first];
    while (stack.length) {
      const path = stack.pop()!;
      if (visited.has(path)) continue;
      visited.add(path);
      const dep = byPath.get(path);
      if (!dep) continue;
      for (const decl of patternsOf(dep.module)) out.push({ decl, via });
      stack.push(...[...dep.imports].reverse());
    }
  });
  return out;
}

/** Builds every module's scope, reporting duplicates (SPC030) and reserved pattern names (SPC043). */
export function buildScopes(modules: readonly ScopedModule[], reporter: Reporter): Scopes {
  const byPath = new Map(modules.map((m) => [m.path, m]));
  const byModule = new Map<ScopedModule, ModuleScope>();
  const scopeOf = new Map<PatternDecl, ModuleScope>();
  for (const m of modules) {
    const patterns = new Map<string, PatternDecl>();
    const scope: ModuleScope = { file: m.display, patterns };
    for (const decl of patternsOf(m.module)) {
      scopeOf.set(decl, scope);
      if (RESERVED_NAMES.has(decl.name)) {
        reporter.error('SPC043', decl.nameSpan, [decl.name]);
        continue;
      }
      const first = patterns.get(decl.name);
      if (first) reporter.error('SPC030', decl.nameSpan, [decl.name, whereOf(first.nameSpan)]);
      else patterns.set(decl.name, decl);
    }
    const own = new Set(patterns.values());
    for (const { decl, via } of importedPatterns(m, byPath)) {
      if (RESERVED_NAMES.has(decl.name)) continue;
      const first = patterns.get(decl.name);
      if (!first) patterns.set(decl.name, decl);
      else if (first === decl) continue;
      else if (own.has(first)) reporter.error('SPC030', first.nameSpan, [decl.name, whereOf(decl.nameSpan)]);
      else if (via) reporter.error('SPC030', via.span, [decl.name, whereOf(first.nameSpan)]);
    }
    byModule.set(m, scope);
  }
  return { byModule, scopeOf };
}

/** Reports kernels that share a name anywhere in the program (SPC032); returns the first of each name. */
export function checkKernelNames(modules: readonly ScopedModule[], reporter: Reporter): Set<KernelDecl> {
  const first = new Map<string, KernelDecl>();
  const unique = new Set<KernelDecl>();
  for (const m of modules) {
    for (const decl of m.module.decls) {
      if (decl.kind !== 'kernel') continue;
      const seen = first.get(decl.name);
      if (seen) {
        reporter.error('SPC032', decl.nameSpan, [decl.name, whereOf(seen.nameSpan)]);
      } else {
        first.set(decl.name, decl);
        unique.add(decl);
      }
    }
  }
  return unique;
}

/** Names referenced (as values or callees) in an expression. */
function referencedNames(e: Expr, out: Set<string>): void {
  switch (e.kind) {
    case 'name': out.add(e.name); break;
    case 'call': out.add(e.callee); e.args.forEach((a) => referencedNames(a.value, out)); break;
    case 'index': e.indices.forEach((i) => referencedNames(i, out)); break;
    case 'array': e.items.forEach((i) => referencedNames(i, out)); break;
    case 'unary': referencedNames(e.operand, out); break;
    case 'binary': referencedNames(e.left, out); referencedNames(e.right, out); break;
    case 'cond': referencedNames(e.cond, out); referencedNames(e.then, out); referencedNames(e.else, out); break;
    default: break;
  }
}

/** The patterns in `scope` that expression `e` refers to by name. */
export function referencedPatterns(e: Expr, scope: ModuleScope): PatternDecl[] {
  const names = new Set<string>();
  referencedNames(e, names);
  return [...names].map((n) => scope.patterns.get(n)).filter((d): d is PatternDecl => d !== undefined);
}

/** The patterns that `decl` refers to (body and defaults, minus names its parameters shadow). */
export function calledPatterns(decl: PatternDecl, scope: ModuleScope): PatternDecl[] {
  const names = new Set<string>();
  referencedNames(decl.body, names);
  for (const p of decl.params ?? []) if (p.default) referencedNames(p.default, names);
  const params = new Set((decl.params ?? []).map((p) => p.name));
  return [...names].filter((n) => !params.has(n)).map((n) => scope.patterns.get(n)).filter((d): d is PatternDecl => d !== undefined);
}

/** Patterns on a call cycle, and all patterns with callees before callers (cycles broken anywhere). */
export interface CallOrder {
  readonly recursive: Set<PatternDecl>;
  readonly calleesFirst: readonly PatternDecl[];
}

/** Finds call cycles between patterns and reports each once (SPC039). */
export function findRecursion(patterns: readonly PatternDecl[], scopes: Scopes, reporter: Reporter): CallOrder {
  const state = new Map<PatternDecl, 'active' | 'done'>();
  const recursive = new Set<PatternDecl>();
  const calleesFirst: PatternDecl[] = [];
  const stack: PatternDecl[] = [];
  const visit = (decl: PatternDecl): void => {
    state.set(decl, 'active');
    stack.push(decl);
    const scope = scopes.scopeOf.get(decl);
    for (const callee of scope ? calledPatterns(decl, scope) : []) {
      const s = state.get(callee);
      if (s === 'active') {
        const cycle = stack.slice(stack.indexOf(callee));
        cycle.forEach((d) => recursive.add(d));
        reporter.error('SPC039', callee.nameSpan, [[...cycle, callee].map((d) => d.name).join(' -> ')]);
      } else if (s === undefined) {
        visit(callee);
      }
    }
    stack.pop();
    state.set(decl, 'done');
    calleesFirst.push(decl);
  };
  for (const decl of patterns) if (!state.has(decl)) visit(decl);
  return { recursive, calleesFirst };
}
