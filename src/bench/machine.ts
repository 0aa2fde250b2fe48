/** @file One line describing the machine a benchmark ran on: CPU model, cores, load average, Node version. */
import { availableParallelism, cpus, loadavg } from 'node:os';

/** One line describing the machine. */
export function machineLine(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  return `machine: ${model}, ${availableParallelism()} cores, load average ${load}, node ${process.version}`;
}
