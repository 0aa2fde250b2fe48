/** @file What each target's builder of the generated library returns: its manifest section and its files. */

/** Options every target builder gets. */
export interface TargetBuildOptions {
  /** Extra text forms to write (`wat`: each WebAssembly module as text). */
  readonly emit?: readonly 'wat'[];
}

/** One kernel built for one target. */
export interface TargetBuild<S> {
  /** The target's section of the kernel's manifest. */
  readonly section: S;
  /** Files by name, relative to the output folder. */
  readonly files: ReadonlyMap<string, string | Uint8Array>;
}
