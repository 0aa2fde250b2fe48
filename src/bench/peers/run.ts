/**
 * @file Benchmarks the peer libraries over the bench cases: prepares each case, times it after warm-up and turns
 * the timing into rows. The sparsec kernels plug into the same loop later as further implementations.
 */
import { attentionWork, DEFAULT_TILING, type Tiling } from '../framework/attention-work.js';
import { attentionCase, ATTENTION_CASE_NAMES, ISSUE_ATTENTION_SHAPE, type AttentionCaseName, type AttentionShape } from '../framework/cases.js';
import { gemmCase, gemmData, GEMM_CASE_NAMES, ISSUE_GEMM_SHAPE, type GemmCaseName, type GemmShape } from '../framework/gemm-cases.js';
import { makeRow, type BenchRow } from '../framework/rows.js';
import { timeIt, type TimingOptions, type TimingResult } from '../framework/timing.js';
import { createOrtPeer, type OrtPeer, type PeerKind, type PeerRun } from './ort.js';

/** Every case name, attention first. */
export const ALL_CASE_NAMES: readonly (AttentionCaseName | GemmCaseName)[] = [...ATTENTION_CASE_NAMES, ...GEMM_CASE_NAMES];

/** What to benchmark and how. */
export interface PeerBenchOptions {
  readonly cases: readonly (AttentionCaseName | GemmCaseName)[];
  readonly peers: readonly PeerKind[];
  /** onnxruntime-web threads (sparsec's thread count); onnxruntime-node always uses all cores unless `nodeThreads`. */
  readonly threads: number;
  readonly nodeThreads?: number;
  readonly attentionShape?: AttentionShape;
  readonly gemmShape?: GemmShape;
  readonly timing: TimingOptions;
  /** Tiling used to state live-work FLOPs of attention cases. */
  readonly tiling?: Tiling;
  /** Called before each measurement (progress on standard error). */
  readonly progress?: (message: string) => void;
}

/** Rows and notes (thread fallbacks, reused measurements) of one benchmark run. */
export interface PeerBenchResult {
  readonly rows: BenchRow[];
  readonly notes: string[];
}

/** A case reduced to what the loop needs: its work and a way to prepare it on a peer. */
interface PreparedCase {
  readonly name: string;
  readonly liveFlops: number;
  readonly density: number;
  /** Peers run the same dense computation for cases of one shape: measure once per (peer, key). */
  readonly reuseKey: string;
  readonly prepare: (peer: OrtPeer) => Promise<PeerRun>;
}

function isAttention(name: string): name is AttentionCaseName {
  return (ATTENTION_CASE_NAMES as readonly string[]).includes(name);
}

function prepareCase(name: AttentionCaseName | GemmCaseName, options: PeerBenchOptions): PreparedCase {
  if (isAttention(name)) {
    const c = attentionCase(name, options.attentionShape ?? ISSUE_ATTENTION_SHAPE);
    const work = attentionWork(c, options.tiling ?? DEFAULT_TILING);
    return { name, liveFlops: work.liveFlops, density: work.density, reuseKey: name, prepare: (peer) => peer.prepareAttention(c) };
  }
  const c = gemmCase(name, options.gemmShape ?? ISSUE_GEMM_SHAPE);
  const data = gemmData(c);
  return {
    name,
    liveFlops: data.liveFlops,
    density: data.density,
    reuseKey: `gemm ${c.m}x${c.n}x${c.k}`,
    prepare: (peer) => peer.prepareGemm(c, data),
  };
}

/** Runs every selected case on every selected peer. */
export async function runPeerBench(options: PeerBenchOptions): Promise<PeerBenchResult> {
  const peers: OrtPeer[] = [];
  for (const kind of options.peers) {
    peers.push(await createOrtPeer(kind, kind === 'onnxruntime-web' ? options.threads : options.nodeThreads));
  }
  const notes = peers.flatMap((p) => p.notes);
  const rows: BenchRow[] = [];
  const measured = new Map<string, { timing: TimingResult; creditedFlops: number; from: string }>();
  for (const name of options.cases) {
    const prepared = prepareCase(name, options);
    for (const peer of peers) {
      const key = `${peer.kind} ${prepared.reuseKey}`;
      let entry = measured.get(key);
      if (entry) {
        notes.push(`${peer.kind} ${name}: same dense computation as ${entry.from}, timing reused`);
      } else {
        options.progress?.(`${peer.kind} (${peer.threads} threads): ${name}`);
        const run = await prepared.prepare(peer);
        try {
          entry = { timing: await timeIt(run.run, options.timing), creditedFlops: run.denseFlops, from: name };
        } finally {
          await run.release();
        }
        measured.set(key, entry);
      }
      rows.push(makeRow({
        caseName: name,
        impl: peer.kind,
        target: peer.target,
        threads: peer.threads,
        timing: entry.timing,
        creditedFlops: entry.creditedFlops,
        liveFlops: prepared.liveFlops,
        density: prepared.density,
      }));
    }
  }
  return { rows, notes };
}
