/**
 * @file `loadProgram`: command-line paths to parsed modules. Expands folders, reads and decodes
 * files (size and UTF-8 checks), follows `import "x.sparse"` once per file, and reports cycles.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ImportDecl, Module, Span } from './ast.js';
import { parseSource } from './parse.js';
import { errorText, readSourceFile } from './read.js';
import { DiagnosticBag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../checker/suggest.js';

/** One loaded file. */
export interface LoadedModule {
  /** Absolute path (as first reached; files are told apart by real path). */
  readonly path: string;
  /** The path as shown in messages: relative to the working directory, with `/` separators. */
  readonly display: string;
  readonly module: Module;
  /** Absolute paths (the `path` of the imported LoadedModule) of the imports that resolved. */
  readonly imports: string[];
}

/** Every loaded file, their texts (for rendering diagnostics) and all diagnostics. */
export interface Program {
  /** Imported files come before the files that import them; otherwise in command-line order. */
  readonly modules: LoadedModule[];
  /** Source text by display path. */
  readonly sources: Map<string, string>;
  readonly diagnostics: Diagnostic[];
}

/** Loads a `.ts` spec file (provided by the TypeScript builder). */
export type TsSpecLoader = (absPath: string, display: string) => Promise<{ module: Module; diagnostics: Diagnostic[] }>;

/** Options of `loadProgram`. */
export interface LoadOptions {
  /** Enables `.ts` spec files; without it a `.ts` path is SPC008. */
  readonly tsLoader?: TsSpecLoader;
  /** The directory display paths are relative to; defaults to `process.cwd()`. */
  readonly cwd?: string;
}

/**
 * Folder rule: a folder stands for every `.sparse` file below it, recursively, sorted by path;
 * with a tsLoader also every `*.spec.ts` file below it (other `.ts` files are loaded only when
 * named explicitly). Folders named `node_modules` or starting with `.` are skipped.
 */
const SPARSE_EXT = '.sparse';
const TS_EXT = '.ts';
const TS_SPEC_SUFFIX = '.spec.ts';
const SKIPPED_FOLDERS = (name: string): boolean => name === 'node_modules' || name.startsWith('.');

/** Loads `paths` (files or folders) and everything they import. Never throws for bad input. */
export async function loadProgram(paths: string[], opts: LoadOptions = {}): Promise<Program> {
  const loader = new ProgramLoader(path.resolve(opts.cwd ?? process.cwd()), opts.tsLoader);
  for (const p of paths) await loader.loadRoot(p);
  return loader.finish();
}

interface Entry {
  readonly path: string;
  readonly display: string;
  module: Module;
  readonly imports: string[];
  /** Resolution state for the import walk: cycle detection and output order. */
  state: 'loading' | 'done';
}

class ProgramLoader {
  private readonly bag = new DiagnosticBag();
  private readonly sources = new Map<string, string>();
  /** Entries by real path. */
  private readonly byRealPath = new Map<string, Entry>();
  private readonly order: Entry[] = [];
  /** The chain of files being loaded, for spelling cycles. */
  private readonly stack: Entry[] = [];

  constructor(
    private readonly cwd: string,
    private readonly tsLoader: TsSpecLoader | undefined,
  ) {}

  async loadRoot(given: string): Promise<void> {
    const abs = path.resolve(this.cwd, given);
    const display = this.display(abs);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch (e) {
      this.bag.fileError('SPC001', display, [display, errorText(e)]);
      return;
    }
    if (stat.isDirectory()) {
      const files = await this.expandFolder(abs);
      if (!files.length) this.bag.fileError('SPC006', display, [display]);
      for (const f of files) await this.loadFile(f, null);
      return;
    }
    await this.loadFile(abs, null);
  }

  finish(): Program {
    const modules = this.order.map((e) => ({ path: e.path, display: e.display, module: e.module, imports: e.imports }));
    return { modules, sources: this.sources, diagnostics: [...this.bag.all] };
  }

  /** Every spec file below `dir`, sorted; unreadable sub-folders are reported and skipped. */
  private async expandFolder(dir: string): Promise<string[]> {
    const found: string[] = [];
    const seenDirs = new Set<string>();
    const walk = async (d: string): Promise<void> => {
      let real: string;
      let entries;
      try {
        real = await fs.realpath(d);
        if (seenDirs.has(real)) return;
        seenDirs.add(real);
        entries = await fs.readdir(d, { withFileTypes: true });
      } catch (e) {
        this.bag.fileError('SPC001', this.display(d), [this.display(d), errorText(e)]);
        return;
      }
      for (const ent of entries.sort((a, b) => compareNames(a.name, b.name))) {
        const full = path.join(d, ent.name);
        let isDir = ent.isDirectory();
        let isFile = ent.isFile();
        if (ent.isSymbolicLink()) {
          const target = await fs.stat(full).catch(() => null);
          isDir = !!target?.isDirectory();
          isFile = !!target?.isFile();
        }
        if (isDir && !SKIPPED_FOLDERS(ent.name)) await walk(full);
        else if (isFile && this.isFolderSpec(ent.name)) found.push(full);
      }
    };
    await walk(dir);
    return found;
  }

  private isFolderSpec(name: string): boolean {
    return name.endsWith(SPARSE_EXT) || (this.tsLoader !== undefined && name.endsWith(TS_SPEC_SUFFIX));
  }

  /**
   * Loads one file (once per real path) and, depth first, its imports. `via` is the import that
   * reached it (null for command-line files); returns the entry, or null when it did not load.
   */
  private async loadFile(abs: string, via: { decl: ImportDecl; from: Entry } | null): Promise<Entry | null> {
    const display = this.display(abs);
    const where = via?.decl.pathSpan ?? null;
    const ext = path.extname(abs);
    if (ext !== SPARSE_EXT && ext !== TS_EXT) {
      this.report('SPC007', display, where, [ext || path.basename(abs)]);
      return null;
    }
    let real: string;
    try {
      real = await fs.realpath(abs);
    } catch (e) {
      this.report('SPC001', display, where, [display, `${errorText(e)}${via ? await importSuggestion(abs, via.decl.path) : ''}`]);
      return null;
    }
    const existing = this.byRealPath.get(real);
    if (existing) {
      if (existing.state === 'loading' && via) this.reportCycle(existing, via.decl);
      return existing.state === 'done' || !via ? existing : null;
    }
    const read = await readSourceFile(abs);
    if (!read.ok) {
      // NOTE: a bad byte is reported where it is in its own file (file:line:col), not at the import naming the file.
      const at = read.code === 'SPC002' && read.at ? { file: display, line: read.at.line, col: read.at.col, endLine: read.at.line, endCol: read.at.col + 1, offset: read.at.offset, length: 1 } : null;
      this.report(read.code, display, at ?? where, read.code === 'SPC001' ? [display, read.reason] : read.args);
      return null;
    }
    this.sources.set(display, read.text);
    const entry: Entry = { path: abs, display, module: { file: display, imports: [], decls: [] }, imports: [], state: 'loading' };
    this.byRealPath.set(real, entry);
    entry.module = await this.parse(abs, display, ext, read.text);
    this.stack.push(entry);
    for (const decl of entry.module.imports) {
      const target = path.resolve(path.dirname(abs), decl.path);
      const loaded = await this.loadFile(target, { decl, from: entry });
      if (loaded && !entry.imports.includes(loaded.path)) entry.imports.push(loaded.path);
    }
    this.stack.pop();
    entry.state = 'done';
    this.order.push(entry);
    return entry;
  }

  private async parse(abs: string, display: string, ext: string, text: string): Promise<Module> {
    if (ext === SPARSE_EXT) {
      const result = parseSource(display, text);
      this.bag.addAll(result.diagnostics);
      return result.module;
    }
    if (!this.tsLoader) {
      this.bag.fileError('SPC008', display, ['TypeScript spec files need the TypeScript builder, which is not available here']);
      return { file: display, imports: [], decls: [] };
    }
    try {
      const result = await this.tsLoader(abs, display);
      this.bag.addAll(result.diagnostics);
      return result.module;
    } catch (e) {
      this.bag.fileError('SPC008', display, [errorText(e)]);
      return { file: display, imports: [], decls: [] };
    }
  }

  /** SPC005 at `decl`, which closes a cycle back to `target` (currently on the stack). */
  private reportCycle(target: Entry, decl: ImportDecl): void {
    const start = this.stack.indexOf(target);
    const chain = [...this.stack.slice(start), target].map((e) => e.display);
    this.bag.error('SPC005', decl.pathSpan, [chain.join(' -> ')]);
  }

  private report(code: Parameters<DiagnosticBag['error']>[0], display: string, where: Span | null, args: readonly (string | number)[]): void {
    if (where) this.bag.error(code, where, args);
    else this.bag.fileError(code, display, args);
  }

  private display(abs: string): string {
    const rel = path.relative(this.cwd, abs);
    return (rel === '' ? path.basename(abs) : rel).split(path.sep).join('/');
  }
}

/** Code-unit order, so the result does not depend on the locale. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ` (did you mean 'common.sparse'?)` for an import of a missing file: the closest spec file in its folder, spelled as the import was. */
async function importSuggestion(abs: string, written: string): Promise<string> {
  const names = await fs.readdir(path.dirname(abs)).catch(() => [] as string[]);
  const specs = names.filter((n) => n.endsWith(SPARSE_EXT) || n.endsWith(TS_EXT));
  const hint = didYouMean(path.basename(abs), specs);
  return hint.replace(/'([^']*)'/, (_m, n: string) => `'${written.slice(0, written.length - path.basename(written).length)}${n}'`);
}
