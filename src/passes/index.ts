/** @file The pass pipeline's public surface, including `compileToIR` for `sparsec build --emit ir`. */
import { printKernel } from '../ir/print.js';
import type { Kernel } from '../model/kernel.js';
import { runPipeline, type PipelineOptions } from './pipeline.js';
import { scheduleText } from './schedule.js';

export { runPipeline, splitChunks, type PipelineOptions, type PipelineResult, type Stage } from './pipeline.js';
export { applySchedule, targetDefaults } from './apply-schedule.js';
export { EMPTY_SCHEDULE, mergeSchedule, scheduleText, type Schedule, type ScheduleSettings } from './schedule.js';
export { PASSES, runPass } from './registry.js';

/** Every stage of `kernel` on `targetName` as text: the resolved schedule first, then each IR stage. */
export function compileToIR(kernel: Kernel, targetName: string, opts: PipelineOptions = {}): { stages: { name: string; text: string }[] } {
  const r = runPipeline(kernel, targetName, opts);
  return {
    stages: [
      { name: 'apply-schedule', text: `// schedule ${scheduleText(r.schedule)}\n` },
      ...r.stages.map((s) => ({ name: s.name, text: printKernel(s.ir) })),
    ],
  };
}
