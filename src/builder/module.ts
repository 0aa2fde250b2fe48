/**
 * @file `toModule`: collects the pattern and kernel declarations a spec exports (and the patterns they
 * use, exported or not) into an AST `Module`, giving every node a real span from a `DeclLocator`.
 */
import type { Decl, Module, Span } from '../frontend/ast.js';
import { definitionOf, type Definition, type KernelDefinition, type PatternDefinition } from './defs.js';

/** Where one declaration sits in its source: the whole declaration, its name, and its parts. */
export interface DeclLocation {
  readonly span: Span;
  readonly nameSpan: Span;
  /**
   * Spans of parts by TypeScript property path: pattern params (`window`), kernel fields (`kvHeads`,
   * `inputs.slopes`, `schedule.wasm`), `body` (a pattern's body) and `pattern` (an attention kernel's pattern).
   */
  readonly parts: ReadonlyMap<string, Span>;
}

/** Finds a declaration in the spec's source; null when it cannot be found. */
export type DeclLocator = (decl: { readonly kind: 'pattern' | 'kernel'; readonly name: string }, exportName: string | null) => DeclLocation | null;

/** Options of `toModule`. Without `locate`, every span is the start of `file`. */
export interface ToModuleOptions {
  readonly locate?: DeclLocator;
}

/** One declaration to emit, with the export name it was found under (null for unexported dependencies). */
export interface CollectedDefinition {
  readonly def: Definition;
  readonly exportName: string | null;
}

/**
 * The builder declarations among `exports`, each once, every pattern before the declarations that use it.
 * Exported declarations are visited in `rank` order (default: export order); exports that are not
 * builder declarations (helpers, constants) are ignored.
 */
export function collectDefinitions(exports: Readonly<Record<string, unknown>>, rank?: (def: Definition) => number): CollectedDefinition[] {
  const exportNames = new Map<Definition, string>();
  for (const [exportName, value] of Object.entries(exports)) {
    const def = definitionOf(value);
    if (def && !exportNames.has(def)) exportNames.set(def, exportName);
  }
  const roots = [...exportNames.keys()];
  if (rank) roots.sort((a, b) => rank(a) - rank(b));
  const out: CollectedDefinition[] = [];
  const seen = new Set<Definition>();
  const visit = (def: Definition): void => {
    if (seen.has(def)) return;
    seen.add(def);
    for (const dep of def.refs) visit(dep);
    out.push({ def, exportName: exportNames.get(def) ?? null });
  };
  for (const def of roots) visit(def);
  return out;
}

/** The zero-length span at the start of `file`. */
export function fileStartSpan(file: string): Span {
  return { file, line: 1, col: 1, endLine: 1, endCol: 1, offset: 0, length: 0 };
}

/**
 * Builds the AST module of a spec from its exports. With a locator, declarations come in source order
 * (a module namespace lists exports alphabetically), each after the patterns it uses.
 */
export function toModule(file: string, exports: Readonly<Record<string, unknown>>, options: ToModuleOptions = {}): Module {
  const locations = new Map<Definition, DeclLocation>();
  for (const { def, exportName } of collectDefinitions(exports)) {
    const where = options.locate?.({ kind: def.kind, name: def.name }, exportName) ?? null;
    locations.set(def, where ?? { span: fileStartSpan(file), nameSpan: fileStartSpan(file), parts: new Map() });
  }
  const rank = (def: Definition): number => {
    const span = locations.get(def)?.span;
    return span && span.file === file && options.locate ? span.offset : Number.MAX_SAFE_INTEGER;
  };
  const decls = collectDefinitions(exports, rank).map(({ def }) => {
    const location = locations.get(def)!;
    return def.kind === 'pattern' ? patternDecl(def, location) : kernelDecl(def, location);
  });
  return { file, imports: [], decls };
}

/** The span of a part path (`inputs.slopes`), else of its first segment (`inputs`), else of the declaration. */
function partSpan(loc: DeclLocation, path: string): Span {
  return loc.parts.get(path) ?? loc.parts.get(path.split('.')[0]!) ?? loc.span;
}

function patternDecl(def: PatternDefinition, loc: DeclLocation): Decl {
  const params = def.params
    ? def.params.map(({ key, param }) => {
        const s = partSpan(loc, key);
        return { ...respan(param, s), nameSpan: s };
      })
    : null;
  return { kind: 'pattern', name: def.name, nameSpan: loc.nameSpan, params, body: respan(def.body, partSpan(loc, 'body')), span: loc.span };
}

function kernelDecl(def: KernelDefinition, loc: DeclLocation): Decl {
  return {
    kind: 'kernel',
    name: def.name,
    nameSpan: loc.nameSpan,
    op: def.op,
    opSpan: loc.span,
    pattern: def.pattern ? respan(def.pattern, partSpan(loc, 'pattern')) : null,
    fields: def.fields.map(({ key, field }) => respan(field, partSpan(loc, key))),
    span: loc.span,
  };
}

/** A copy of an AST node with every span field (`span`, `nameSpan`, `calleeSpan`...) set to `span`. */
export function respan<T>(node: T, span: Span): T {
  if (Array.isArray(node)) return node.map((n: unknown) => respan(n, span)) as T;
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const isSpan = key === 'span' || key.endsWith('Span');
    out[key] = isSpan ? (value === null ? null : span) : respan(value, span);
  }
  return out as T;
}
