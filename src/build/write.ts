/**
 * @file Atomic replacement of an output folder: every file is written into a fresh sibling
 * temporary folder, which then replaces the old folder by rename. A failure before the swap
 * leaves the old folder exactly as it was.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Files by name (relative to the folder) with their contents. */
export type FileMap = ReadonlyMap<string, string | Uint8Array>;

/** Replaces folder `outDir` with exactly `files`. */
export async function replaceFolder(outDir: string, files: FileMap): Promise<void> {
  const dir = resolve(outDir);
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
