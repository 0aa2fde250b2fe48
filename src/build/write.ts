/**
 * @file Safe, atomic replacement of an output folder. Every file is written into a fresh sibling temporary
 * folder, which then replaces the old folder by rename; a failure before the swap leaves the old folder as it
 * was. Only folders sparsec wrote are ever replaced: each carries a marker file, and a non-empty folder
 * without it is refused. Builds into one folder take turns (a lock file beside it), and a build killed between
 * the two renames is repaired by the next one (the previous output is put back first).
 */
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Files by name (relative to the folder) with their contents. */
export type FileMap = ReadonlyMap<string, string | Uint8Array>;

/** The marker file every folder sparsec writes holds. */
export const OUTPUT_MARKER = '.sparsec-output';

const MARKER_TEXT = 'This folder was written by `sparsec build`, which replaces it as a whole on the next build.\nDo not keep your own files here.\n';

/** How long a build waits for another build of the same folder before giving up. */
const LOCK_WAIT_MS = 120_000;

/** An output folder sparsec must not replace (a user error, not a bug). */
export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** Throws unless `dir` is absent, empty, or a folder sparsec wrote (it holds the marker). */
async function checkReplaceable(dir: string): Promise<void> {
  let st;
  try {
    st = await stat(dir);
  } catch {
    return;
  }
  if (!st.isDirectory()) throw new OutputFolderError(`the output path '${dir}' exists and is not a folder; choose another --out`);
  const entries = await readdir(dir);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return;
  const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', ...' : '');
  throw new OutputFolderError(
    `the output folder '${dir}' holds files sparsec did not write (${shown}); sparsec replaces its output folder as a whole, ` +
      `so it only writes into a new or empty folder or one it wrote before (marked by ${OUTPUT_MARKER}). Choose another --out.`,
  );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock of `dir` (a `.NAME.lock` file beside it holding the owner's pid); a dead owner's lock is taken over. */
async function lock(dir: string): Promise<() => Promise<void>> {
  const path = join(dirname(dir), `.${basename(dir)}.lock`);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new OutputFolderError(`another sparsec build (pid ${owner}) has been writing '${dir}' for over ${LOCK_WAIT_MS / 1000} s; remove ${path} if it is gone`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A build killed between its two renames left the previous output as `.NAME.old-PID`: put it back. */
async function repair(dir: string): Promise<void> {
  if (await exists(dir)) return;
  const prefix = `.${basename(dir)}.old-`;
  const left = (await readdir(dirname(dir)).catch(() => [] as string[])).filter((n) => n.startsWith(prefix)).sort();
  if (left.length > 0) await rename(join(dirname(dir), left[left.length - 1]!), dir);
}

/** Replaces folder `outDir` with exactly `files` plus the marker; refuses a non-empty folder sparsec did not write. */
export async function replaceFolder(outDir: string, files: FileMap): Promise<void> {
  const dir = resolve(outDir);
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  const unlock = await lock(dir);
  try {
    await repair(dir);
    await checkReplaceable(dir);
    await swap(dir, files);
  } finally {
    await unlock();
  }
}

async function swap(dir: string, files: FileMap): Promise<void> {
  const parent = dirname(dir);
  const tmp = join(parent, `.${basename(dir)}.tmp-${process.pid}`);
  const old = join(parent, `.${basename(dir)}.old-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  try {
    for (const name of [...files.keys()].sort()) {
      await mkdir(dirname(join(tmp, name)), { recursive: true });
      await writeFile(join(tmp, name), files.get(name)!);
    }
    await writeFile(join(tmp, OUTPUT_MARKER), MARKER_TEXT);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  let moved = false;
  try {
    await rename(dir, old);
    moved = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      await rm(tmp, { recursive: true, force: true });
      throw e;
    }
  }
  try {
    await rename(tmp, dir);
  } catch (e) {
    if (moved) await rename(old, dir);
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  if (moved) await rm(old, { recursive: true, force: true });
}
