/**
 * @file Shrinking a failing differential case to a minimal one: greedy steps (a sub-term for the pattern,
 * fewer heads, batches and keys, no score modifier, schedule or hostile value, f32) kept while it still fails.
 */
import type { DiffCase, Term } from './generate.js';

/** Smaller variants of a term: its sub-terms. */
function smallerTerms(t: Term): Term[] {
  if (t.kind === 'atom') return [];
  if (t.kind === 'not') return [t.a, ...smallerTerms(t.a).map((a) => ({ kind: 'not' as const, a }))];
  return [t.a, t.b, ...smallerTerms(t.a).map((a) => ({ ...t, a })), ...smallerTerms(t.b).map((b) => ({ ...t, b }))];
}

/** Candidate one-step simplifications of `c`, simplest first. */
export function shrinkSteps(c: DiffCase): DiffCase[] {
  const out: DiffCase[] = smallerTerms(c.term).map((term) => ({ ...c, term }));
  if (c.batch > 1) out.push({ ...c, batch: 1 });
  if (c.heads > 1) out.push({ ...c, heads: 1, kvHeads: 1, table: c.table ? c.table.slice(0, 1) : null });
  if (c.kvHeads !== c.heads) out.push({ ...c, kvHeads: c.heads });
  for (const kv of [1, 2, 5, 8, 16, 17, 33]) if (kv < c.kvLen) out.push({ ...c, kvLen: kv, qLen: Math.min(c.qLen, kv) });
  if (c.qLen > 1) out.push({ ...c, qLen: 1 });
  if (c.headDim > 4) out.push({ ...c, headDim: 4 });
  if (c.score) out.push({ ...c, score: null });
  if (Object.keys(c.schedules).length > 0) out.push({ ...c, schedules: {} });
  if (c.dtype !== 'f32') out.push({ ...c, dtype: 'f32' });
  if (c.lse) out.push({ ...c, lse: false });
  for (const key of ['nanQ', 'nanK', 'nanV', 'infV'] as const) if (c.hostile[key] > 0) out.push({ ...c, hostile: { ...c.hostile, [key]: 0 } });
  if (c.hostile.emptyLists) out.push({ ...c, hostile: { ...c.hostile, emptyLists: false } });
  if (c.hostile.wideBools) out.push({ ...c, hostile: { ...c.hostile, wideBools: false } });
  return out;
}

/** Greedily shrinks `c` while `fails` holds; at most `budget` tries. */
export async function shrinkCase(c: DiffCase, fails: (c: DiffCase) => Promise<boolean>, budget = 200): Promise<DiffCase> {
  let current = c;
  let tries = 0;
  for (let improved = true; improved && tries < budget; ) {
    improved = false;
    for (const step of shrinkSteps(current)) {
      if (++tries > budget) break;
      // NOTE: every candidate gets its own kernel name: targets may cache compiled kernels by name.
      const next = { ...step, name: `${c.name}_s${tries}` };
      if (await fails(next)) {
        current = next;
        improved = true;
        break;
      }
    }
  }
  return current;
}
