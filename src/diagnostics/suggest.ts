/**
 * @file "Did you mean" suggestions: the closest name among candidates by Levenshtein distance (names in scope, schedule keys).
 */

/** Edit distance between `a` and `b`: insertions, deletions, substitutions and swaps of neighbours. */
export function levenshtein(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_r, i) => Array.from({ length: b.length + 1 }, (_c, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidate closest to `name` (distance at most a third of its length, at least 1), or null. */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of [...new Set(candidates)].sort()) {
    if (c === name) continue;
    const d = levenshtein(name, c);
    if (d <= limit && d < name.length && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** The ` (did you mean 'x'?)` suffix for a message, or '' when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const best = closestName(name, candidates);
  return best === null ? '' : ` (did you mean '${best}'?)`;
}
