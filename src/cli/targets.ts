/**
 * @file Target names on the command line: parsing `--target a,b` and resolving each to a Target.
 * Names of the contract whose backend does not exist yet resolve to a target that reports itself skipped.
 */
import { getTarget } from '../targets/index.js';
import type { Target } from '../harness/target.js';
import { UsageError } from './io.js';
import { didYouMean } from '../diagnostics/suggest.js';

import { KNOWN_TARGETS } from './target-names.js';

export { DEFAULT_TARGET, KNOWN_TARGETS } from './target-names.js';

/** Splits `a,b` lists (repeatable options give several) and rejects unknown names (exit 2). */
export function parseTargetList(values: readonly string[] | undefined, fallback: readonly string[]): string[] {
  const names = (values ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  const list = names.length ? names : [...fallback];
  for (const n of list) {
    if (!KNOWN_TARGETS.includes(n)) {
      throw new UsageError(`unknown target '${n}' (targets: ${KNOWN_TARGETS.join(', ')})${didYouMean(n, KNOWN_TARGETS)}`);
    }
  }
  return [...new Set(list)];
}

/** The Target for `name`; a backend that is not built yet is a target that is always skipped. */
export function resolveTarget(name: string): Target {
  const t = getTarget(name);
  if (t) return t;
  return {
    name,
    availability: async () => ({ ok: false, reason: `the ${name} backend is not part of this version of sparsec yet` }),
    compile: async () => {
      throw new Error(`the ${name} backend is not part of this version of sparsec yet`);
    },
  };
}
