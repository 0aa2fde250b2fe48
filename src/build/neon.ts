/**
 * @file The neon part of a generated kernel: its NEON C source and header, and a shared library of it compiled for
 * the building host (arm64: arm_neon.h; x86-64: SIMDe, for testing, not speed) that load('neon') opens through the
 * node addon. A host without a C compiler (or SIMDe) still gets the source and header.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kernel } from '../model/kernel.js';
import { runPipeline } from '../passes/pipeline.js';
import type { NeonSection } from '../runtime/library/manifest.js';
import { neonSource } from '../targets/neon/source.js';
import { targetSection } from './manifest.js';
import type { TargetBuild, TargetBuildOptions } from './target-build.js';

/** Flags of the host shared library. */
const SHARED_FLAGS = ['-O2', '-fwrapv', '-std=gnu11', '-shared', '-fPIC'];

/** What the host's library is compiled for (arm64: NEON; other hosts: SIMDe, for testing), or null when this host cannot compile one. */
export function hostKind(): string | null {
  const native = process.arch === 'arm64';
  if (!native && !existsSync('/usr/include/simde/arm/neon.h')) return null;
  try {
    execFileSync('cc', ['--version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return native ? 'arm64 (arm_neon.h)' : `${process.arch} (SIMDe, for testing)`;
}

/** `c` compiled into a shared library for this host (bytes). */
export function sharedLibrary(c: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'sparsec-neon-so-'));
  try {
    writeFileSync(join(dir, 'k.c'), c);
    execFileSync('cc', [...SHARED_FLAGS, '-o', join(dir, 'k.so'), join(dir, 'k.c'), '-lm'], { stdio: ['ignore', 'ignore', 'pipe'] });
    return new Uint8Array(readFileSync(join(dir, 'k.so')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds `kernel` for neon. Throws on a kernel with a dynamic head_dim or value_dim (as wasm does). */
export function buildNeonTarget(kernel: Kernel, _opts: TargetBuildOptions): TargetBuild<NeonSection> {
  if (kernel.kind === 'attention' && (kernel.headDim === 'dynamic' || kernel.valueDim === 'dynamic')) {
    throw new Error(`kernel ${kernel.name}: neon builds need a static head_dim and value_dim`);
  }
  const result = runPipeline(kernel, 'neon');
  const src = neonSource(result.final);
  const host = hostKind();
  const files = new Map<string, string | Uint8Array>([[`${kernel.name}.neon.c`, src.c], [`${kernel.name}.neon.h`, src.h]]);
  if (host) files.set(`${kernel.name}.neon.so`, sharedLibrary(src.c));
  const section: NeonSection = {
    ...targetSection(kernel, result),
    abi: src.abi,
    source: `${kernel.name}.neon.c`,
    header: `${kernel.name}.neon.h`,
    library: host ? `${kernel.name}.neon.so` : null,
    host: host ?? 'none',
  };
  return { section, files };
}
