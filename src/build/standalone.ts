/**
 * @file `sparsec build --standalone`: the library carries its own copy of sparsec's runtime (`sparsec/runtime/` and
 * the plain data helpers of `sparsec/model/` it imports, compiled JavaScript with its `.d.ts`), so the output folder
 * runs in a project, a page or a server where the sparsec package is not installed. The copy comes from the
 * package's dist/ (`src/build` and `dist/build` both sit two folders below the package root).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the copy goes in the output folder, and what the wrappers then import. */
export const STANDALONE_DIR = 'sparsec';
export const STANDALONE_RUNTIME_IMPORT = `./${STANDALONE_DIR}/runtime/index.js`;

/** The folders of dist/ that make up the runtime (the architecture test keeps runtime/ free of compiler imports). */
const RUNTIME_FOLDERS = ['runtime', 'model'] as const;

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]);
}

/** The runtime files to write, by name relative to the output folder; source map comments are dropped (no maps ship). */
export function standaloneRuntimeFiles(): Map<string, string> {
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
  if (!existsSync(join(dist, 'runtime', 'index.js'))) {
    throw new Error(`--standalone copies the compiled runtime from ${dist}, which is not built: run \`npm run build\``);
  }
  const files = new Map<string, string>();
  for (const folder of RUNTIME_FOLDERS) {
    for (const name of listFiles(join(dist, folder)).filter((f) => f.endsWith('.js') || f.endsWith('.d.ts')).sort()) {
      const text = readFileSync(join(dist, folder, name), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
      files.set(`${STANDALONE_DIR}/${folder}/${name}`, text);
    }
  }
  return files;
}
