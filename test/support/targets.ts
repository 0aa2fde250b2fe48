/**
 * @file Skipping tests of a target whose runtime is missing, said out loud; with
 * SPARSEC_REQUIRE_ALL_TARGETS=1 (set by .ci/run) a missing runtime fails instead, so CI proves every target.
 */

/** True when the tests of `target` should be skipped; throws when skips are not allowed. */
export function skipTarget(target: string, available: boolean, reason: string): boolean {
  if (available) return false;
  if (process.env['SPARSEC_REQUIRE_ALL_TARGETS'] === '1') {
    throw new Error(`the ${target} runtime is missing (${reason}) and SPARSEC_REQUIRE_ALL_TARGETS=1 forbids skipping`);
  }
  console.warn(`skipped: ${target} tests (${reason})`);
  return true;
}
