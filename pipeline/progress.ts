// Owns what the CLI shows while it works: on a TTY a progress bar per stage (cli-progress) whose
// payload says where the stage is (k-means restart and iteration, k candidates, store tables);
// otherwise one plain line per stage. Both print each finished stage with its time.
import cliProgress from 'cli-progress';
import type { Reporter, Stage } from './run.js';
import { STORE_STEPS } from './store/write-run.js';

export interface ProgressOptions {
  quiet: boolean;
  tty: boolean;
}

function doneLine(stage: Stage, seconds: number, detail: string): string {
  return `${stage.padEnd(9)} ${seconds.toFixed(2).padStart(7)} s  ${detail}`;
}

function plainReporter({ quiet }: ProgressOptions): Reporter {
  return {
    start(stage) {
      if (!quiet) process.stderr.write(`${stage}: started\n`);
    },
    end(stage, seconds, detail) {
      if (!quiet) process.stderr.write(`${doneLine(stage, seconds, detail)}\n`);
    }
  };
}

function barReporter(): Reporter {
  let bar: cliProgress.SingleBar | null = null;
  const open = (stage: Stage, total: number, note: string) => {
    bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: `  {stage} [{bar}] {percentage}% · {duration}s · {note}`,
        barsize: 24,
        hideCursor: true,
        clearOnComplete: true
      },
      cliProgress.Presets.shades_classic
    );
    bar.start(total, 0, { stage: stage.padEnd(9), note });
  };
  return {
    start(stage) {
      open(stage, stage === 'store' ? STORE_STEPS.length : 1, 'working');
    },
    end(stage, seconds, detail) {
      bar?.stop();
      bar = null;
      process.stderr.write(`  ✓ ${doneLine(stage, seconds, detail)}\n`);
    },
    storeStep(step) {
      bar?.update(Math.max(0, STORE_STEPS.indexOf(step)), { note: step === 'map' ? 'waiting for the map' : `writing ${step}` });
    },
    clusterIteration(restart, restarts, iteration, maxIter, inertia) {
      bar?.setTotal(restarts * maxIter);
      bar?.update(restart * maxIter + iteration, {
        note: `restart ${restart + 1}/${restarts}, iteration ${iteration}, objective ${inertia.toFixed(1)}`
      });
    },
    kCandidate(k, stability, done, total) {
      bar?.setTotal(total);
      bar?.update(done, { note: `k=${k}: stability ${stability.toFixed(3)}` });
    }
  };
}

export function createReporter(options: ProgressOptions): Reporter {
  return options.tty && !options.quiet ? barReporter() : plainReporter(options);
}
