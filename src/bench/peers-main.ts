/**
 * @file Benchmarks the peer libraries (onnxruntime-web, onnxruntime-node) on the `sparsec bench` cases and prints a
 * table or JSON rows. Run: `node dist/bench/peers-main.js [--json] [--threads N] [--cases a,b] [--quick] [--plot F.svg|F.png]`.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { formatJson, formatTable } from './framework/output.js';
import { speedupSeries, writeSpeedupPlots } from './framework/plot.js';
import { FULL_TIMING, QUICK_TIMING } from './framework/timing.js';
import { ALL_CASE_NAMES, runPeerBench, type PeerBenchOptions } from './peers/run.js';
import type { PeerKind } from './peers/ort.js';

const USAGE = `usage: node dist/bench/peers-main.js [--json] [--threads N] [--node-threads N] [--cases a,b] [--peers web,node]
                                      [--quick] [--tile N] [--plot FILE.svg|FILE.png]
cases: ${ALL_CASE_NAMES.join(', ')}
--quick: seq 1024, gemm n = k = 1024, 1 warm-up and 3 timed runs`;

const PEER_NAMES: Record<string, PeerKind> = { web: 'onnxruntime-web', node: 'onnxruntime-node', 'onnxruntime-web': 'onnxruntime-web', 'onnxruntime-node': 'onnxruntime-node' };

class UsageError extends Error {}

function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a positive integer, got '${text}'`);
  return n;
}

function pickList<T>(text: string | undefined, allowed: Record<string, T>, all: readonly T[], flag: string): T[] {
  if (text === undefined) return [...all];
  return text.split(',').map((name) => {
    const value = allowed[name.trim()];
    if (value === undefined) throw new UsageError(`${flag}: unknown '${name}' (known: ${Object.keys(allowed).join(', ')})`);
    return value;
  });
}

/** Parses the command line into benchmark options plus output choices. */
export function parseCommandLine(argv: readonly string[]): { options: PeerBenchOptions; json: boolean; plot?: string } {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      json: { type: 'boolean' },
      quick: { type: 'boolean' },
      threads: { type: 'string' },
      'node-threads': { type: 'string' },
      cases: { type: 'string' },
      peers: { type: 'string' },
      tile: { type: 'string' },
      plot: { type: 'string' },
    },
    strict: true,
  });
  const quick = values.quick ?? false;
  const tile = values.tile === undefined ? 64 : positiveInt(values.tile, '--tile');
  const caseTable = Object.fromEntries(ALL_CASE_NAMES.map((n) => [n, n]));
  const options: PeerBenchOptions = {
    cases: pickList(values.cases, caseTable, ALL_CASE_NAMES, '--cases'),
    peers: [...new Set(pickList(values.peers, PEER_NAMES, ['onnxruntime-web', 'onnxruntime-node'] as const, '--peers'))],
    threads: values.threads === undefined ? 1 : positiveInt(values.threads, '--threads'),
    ...(values['node-threads'] === undefined ? {} : { nodeThreads: positiveInt(values['node-threads'], '--node-threads') }),
    ...(quick ? { attentionShape: { batch: 1, heads: 8, seq: 1024, headDim: 64 }, gemmShape: { m: 16, n: 1024, k: 1024 } } : {}),
    timing: quick ? QUICK_TIMING : FULL_TIMING,
    tiling: { tileQ: tile, tileK: tile },
    progress: (message) => process.stderr.write(`  ${message}\n`),
  };
  return { options, json: values.json ?? false, ...(values.plot === undefined ? {} : { plot: values.plot }) };
}

/** One line describing the machine, printed with every table. */
export function machineLine(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  return `machine: ${model}, ${availableParallelism()} cores, load average ${load}, node ${process.version}`;
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  process.stderr.write(`${machineLine()}\n`);
  const { rows, notes } = await runPeerBench(parsed.options);
  if (parsed.json) {
    process.stdout.write(`${formatJson(rows)}\n`);
  } else {
    process.stdout.write(`${formatTable(rows)}\n`);
    const tile = parsed.options.tiling?.tileQ ?? 64;
    process.stdout.write(`gflops: dense FLOPs / median time (peers do the dense work); live GFLOP: work on live ${tile}x${tile} tiles / weight nonzeros\n`);
  }
  for (const note of notes) process.stderr.write(`note: ${note}\n`);
  process.stderr.write(`${machineLine()}\n`);
  if (parsed.plot) {
    const series = speedupSeries(rows, 'onnxruntime-web');
    for (const file of await writeSpeedupPlots(parsed.plot, series, 'speed-up against density', 'onnxruntime-web')) process.stderr.write(`wrote ${file}\n`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
    process.stderr.write(`peers bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
