// Owns the bench's per-stage figures: wall and CPU seconds of each stage (CPU of the whole process,
// worker threads included: the one figure a shared machine does not inflate), the resident memory at
// its end and the process' peak so far — the stage at whose end the peak first reaches its final value
// is where the memory goes.

export interface StageFigures {
  s: number;
  cpu_s: number;
  /** Resident memory when the stage ended, and the process' peak up to then (MB). */
  rss_mb: number;
  peak_rss_mb: number;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

export class StageMeter {
  /** Stages in the order they ended. */
  readonly stages: Record<string, StageFigures> = {};
  private readonly open = new Map<string, { t: number; cpu: NodeJS.CpuUsage }>();

  start(stage: string): void {
    this.open.set(stage, { t: performance.now(), cpu: process.cpuUsage() });
  }

  end(stage: string): void {
    const began = this.open.get(stage);
    if (!began) return;
    this.open.delete(stage);
    const cpu = process.cpuUsage(began.cpu);
    this.stages[stage] = {
      s: round((performance.now() - began.t) / 1000, 3),
      cpu_s: round((cpu.user + cpu.system) / 1e6, 3),
      rss_mb: mb(process.memoryUsage.rss()),
      peak_rss_mb: mb(process.resourceUsage().maxRSS * 1024)
    };
  }
}

/** The stage whose end first shows the final peak (null without stages). */
export function peakStage(stages: Record<string, StageFigures>): string | null {
  const entries = Object.entries(stages);
  if (entries.length === 0) return null;
  const peak = Math.max(...entries.map(([, f]) => f.peak_rss_mb));
  return entries.find(([, f]) => f.peak_rss_mb === peak)![0];
}
