/**
 * @file The local HTTP server of the browser bench (Node's `http`, 127.0.0.1 only): the page, sparsec's WebGPU
 * runtime as JS, onnxruntime-web's dist files, each case's manifest and blob, and the outputs the page posts back.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { CasePayload } from './payload.js';

/** Folders the server reads from. */
export interface BenchServerRoots {
  /** The page's index.html and bench-page.js. */
  readonly page: string;
  /** src/runtime (TypeScript, transpiled per request) or dist/runtime (JavaScript, served as is). */
  readonly runtime: string;
  /** node_modules/onnxruntime-web/dist. */
  readonly ort: string;
}

/** A running server: its base URL, the current cases, the outputs posted back, and close. */
export interface BenchServer {
  readonly url: string;
  /** Payloads by case id (the driver adds one before the page runs it and deletes it after). */
  readonly cases: Map<string, CasePayload>;
  /** Outputs posted by the page, keyed `${caseId}/${impl}`. */
  readonly outputs: Map<string, Float32Array>;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

/** A file under `root` named by a URL path tail, or null when it escapes the root or does not exist. */
function fileUnder(root: string, tail: string): string | null {
  if (!/^[\w./-]+$/.test(tail) || tail.includes('..')) return null;
  const path = normalize(join(root, tail));
  return path.startsWith(normalize(root)) && existsSync(path) && statSync(path).isFile() ? path : null;
}

type TypeScriptModule = typeof import('typescript');
let typescript: Promise<TypeScriptModule> | null = null;

/** `x.js` of the runtime: the file itself in dist/, or `x.ts` transpiled in src/ (typescript is loaded only then). */
async function runtimeModule(root: string, tail: string): Promise<string | null> {
  const js = fileUnder(root, tail);
  if (js) return readFileSync(js, 'utf8');
  const ts = fileUnder(root, tail.replace(/\.js$/, '.ts'));
  if (!ts) return null;
  typescript ??= import('typescript').then((m) => (m as { default?: TypeScriptModule }).default ?? m);
  const compiler = await typescript;
  const options = { module: compiler.ModuleKind.ES2022, target: compiler.ScriptTarget.ES2022 };
  return compiler.transpileModule(readFileSync(ts, 'utf8'), { compilerOptions: options }).outputText;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** Starts the server on an ephemeral port of 127.0.0.1. */
export async function startBenchServer(roots: BenchServerRoots): Promise<BenchServer> {
  const cases = new Map<string, CasePayload>();
  const outputs = new Map<string, Float32Array>();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const posted = /^\/output\/([\w-]+)\/([\w-]+)$/.exec(path);
    if (req.method === 'POST' && posted) {
      const body = await readBody(req);
      const copy = new Uint8Array(body.byteLength);
      copy.set(body);
      outputs.set(`${posted[1]}/${posted[2]}`, new Float32Array(copy.buffer, 0, Math.floor(copy.byteLength / 4)));
      return send(res, 204, 'text/plain', '');
    }
    const casePart = /^\/case\/([\w-]+)\.(json|bin)$/.exec(path);
    if (casePart) {
      const payload = cases.get(casePart[1]!);
      if (!payload) return send(res, 404, 'text/plain', `no case ${casePart[1]}`);
      return casePart[2] === 'json'
        ? send(res, 200, CONTENT_TYPES['.json']!, JSON.stringify(payload.manifest))
        : send(res, 200, CONTENT_TYPES['.bin']!, payload.blob);
    }
    if (path.startsWith('/runtime/')) {
      const js = await runtimeModule(roots.runtime, path.slice('/runtime/'.length));
      return js === null ? send(res, 404, 'text/plain', 'not found') : send(res, 200, CONTENT_TYPES['.js']!, js);
    }
    const [root, tail] = path.startsWith('/ort/') ? [roots.ort, path.slice(5)] : [roots.page, path === '/' ? 'index.html' : path.slice(1)];
    const file = fileUnder(root, tail);
    if (!file) return send(res, 404, 'text/plain', 'not found');
    send(res, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, 'text/plain', String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cases,
    outputs,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
