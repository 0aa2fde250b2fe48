/**
 * @file The cache of built kernels: one entry per kernel and target, keyed by a SHA-256 of the kernel's checked
 * model (its source and schedule blocks, not where it sits), the target, the build options, and the compiler's
 * identity (its version plus a digest of its own code and target tables: an edited compiler reuses nothing).
 * Entries are written to a temporary file and renamed into place (atomic); an unreadable entry is a miss.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kernel } from '../model/kernel.js';
import { VERSION } from '../version.js';
import type { TargetBuild, TargetBuildOptions } from './target-build.js';

/** The cache folder when none is given: `$SPARSEC_CACHE_DIR`, else `$XDG_CACHE_HOME/sparsec`, else `~/.cache/sparsec`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['SPARSEC_CACHE_DIR']) return env['SPARSEC_CACHE_DIR'];
  return join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'sparsec');
}

/** The compiler's code: `src/` (or `dist/`) and the target tables beside it. */
const COMPILER_DIRS = [join(dirname(fileURLToPath(import.meta.url)), '..'), join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'targets')];

function digestTree(dir: string, hash: ReturnType<typeof createHash>): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) digestTree(path, hash);
    else if (/\.(js|ts|json|wasm)$/.test(name)) hash.update(`${path.slice(dir.length)}\0`).update(readFileSync(path));
  }
}

let identity: string | undefined;

/** `VERSION` plus a digest of the compiler's own files, computed once per process. */
export function compilerIdentity(): string {
  if (identity === undefined) {
    const hash = createHash('sha256');
    for (const dir of COMPILER_DIRS) digestTree(dir, hash);
    identity = `${VERSION}+${hash.digest('hex').slice(0, 16)}`;
  }
  return identity;
}

/** The key of `kernel` built for `target` with `options` by the compiler `compiler`. */
export function cacheKey(kernel: Kernel, target: string, options: TargetBuildOptions, compiler: string): string {
  // NOTE: the origin (file, line) is left out, as in the manifest's source hash: builders never read it (the
  // manifest, which does, is written apart), so moving a kernel within or between files keeps its entry.
  const { origin: _origin, ...model } = kernel;
  const parts = { format: 1, compiler, target, options: { emit: [...(options.emit ?? [])].sort() }, kernel: model };
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** One stored file: text, or bytes in base64. */
type StoredFile = { readonly name: string; readonly text: string } | { readonly name: string; readonly base64: string };

interface Entry {
  readonly key: string;
  readonly section: unknown;
  readonly files: readonly StoredFile[];
}

/** A folder of built kernels. */
export class BuildCache {
  constructor(readonly dir: string) {}

  private path(key: string): string {
    return join(this.dir, 'kernels', key.slice(0, 2), `${key}.json`);
  }

  /** The stored build of `key`, or null (absent, unreadable, or not this key's). */
  get(key: string): TargetBuild<unknown> | null {
    let entry: Entry;
    try {
      entry = JSON.parse(readFileSync(this.path(key), 'utf8')) as Entry;
    } catch {
      return null;
    }
    if (entry.key !== key || !Array.isArray(entry.files)) return null;
    const files = new Map<string, string | Uint8Array>();
    for (const f of entry.files) files.set(f.name, 'text' in f ? f.text : new Uint8Array(Buffer.from(f.base64, 'base64')));
    return { section: entry.section, files };
  }

  /** Stores `built` under `key` atomically (a temporary file renamed into place); a failure to write is ignored. */
  put(key: string, built: TargetBuild<unknown>): void {
    const files: StoredFile[] = [...built.files].map(([name, data]) => (typeof data === 'string' ? { name, text: data } : { name, base64: Buffer.from(data).toString('base64') }));
    const path = this.path(key);
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(temporary, JSON.stringify({ key, section: built.section, files } satisfies Entry));
      renameSync(temporary, path);
    } catch {
      // NOTE: a cache that cannot be written only costs a rebuild next time.
      rmSync(temporary, { force: true });
    }
  }
}
