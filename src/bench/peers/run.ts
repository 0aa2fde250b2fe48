/** @file Benchmarks the peer libraries (onnxruntime-web, onnxruntime-node) over the bench cases with the shared runner. */
import { runBench, type BenchImplementation, type BenchOptions, type BenchResult } from '../framework/runner.js';
import { createOrtPeer, type OrtPeer, type PeerKind } from './ort.js';

export { ALL_CASE_NAMES } from '../framework/runner.js';

/** Peer benchmark options: the shared ones plus which peers on how many threads. */
export interface PeerBenchOptions extends BenchOptions {
  readonly peers: readonly PeerKind[];
  /** onnxruntime-web threads (sparsec's thread count). */
  readonly threads: number;
  /** onnxruntime-node intra-op threads; all cores when absent. */
  readonly nodeThreads?: number;
}

/** A peer as a benchmark implementation: dense work for every case, credited with dense FLOPs. */
export function peerImplementation(peer: OrtPeer): BenchImplementation {
  const body = async (prepared: Promise<{ denseFlops: number; run(): Promise<void>; release(): Promise<void> }>) => {
    const run = await prepared;
    return { creditedFlops: run.denseFlops, run: () => run.run(), release: () => run.release() };
  };
  return {
    impl: peer.kind,
    target: peer.target,
    threads: peer.threads,
    denseOnly: true,
    prepareAttention: (c) => body(peer.prepareAttention(c)),
    prepareGemm: (c, data) => body(peer.prepareGemm(c, data)),
  };
}

/** Sets up the selected peers and runs every selected case on them; thread fallbacks are added to the notes. */
export async function runPeerBench(options: PeerBenchOptions): Promise<BenchResult> {
  const peers: OrtPeer[] = [];
  for (const kind of options.peers) {
    peers.push(await createOrtPeer(kind, kind === 'onnxruntime-web' ? options.threads : options.nodeThreads));
  }
  const result = await runBench(peers.map(peerImplementation), options);
  return { rows: result.rows, notes: [...peers.flatMap((p) => p.notes), ...result.notes] };
}
