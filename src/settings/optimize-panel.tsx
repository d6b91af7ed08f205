// Settings → Optimize: fits FSRS to the person's own review log, in a worker, and applies the
// new parameters only when they predict the log better than the current ones (as Anki does).
import { useEffect, useId, useRef, useState } from 'react';
import type { ReviewLogEntry, Settings } from '../shared/types.ts';
import { Banner } from '../ui/banner.tsx';
import { Button } from '../ui/button.tsx';
import { ProgressBar } from '../ui/progress-bar.tsx';
import type { StepSuggestion } from '../scheduler/step-stats.ts';
import './optimize-panel.css';
import {
  formatMetric,
  tooFewMessage,
  unavailableReason,
  verdict,
  type OptimizeEnvironment,
} from './optimize-plan.ts';
import {
  runOptimizer,
  type OptimizeOutcome,
  type OptimizeProgress,
  type OptimizeRun,
} from './optimize-run.ts';
import type { StepLists } from './step-plan.ts';
import { StepSuggestionView } from './step-suggestion.tsx';

export interface OptimizePanelProps {
  settings: Settings;
  loadLog: () => Promise<ReviewLogEntry[]>;
  /** Saves the settings with these parameters; resolves false when they were not stored. */
  onApply: (weights: number[]) => Promise<boolean>;
  /** Saves the settings with these learning/relearning steps; resolves false when not stored. */
  onApplySteps: (steps: Partial<StepLists>) => Promise<boolean>;
  environment?: OptimizeEnvironment;
  run?: typeof runOptimizer;
}

export function readEnvironment(): OptimizeEnvironment {
  const g = globalThis as typeof globalThis & { crossOriginIsolated?: boolean };
  const sw = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
  return {
    crossOriginIsolated: g.crossOriginIsolated === true,
    hasSharedArrayBuffer: typeof SharedArrayBuffer !== 'undefined',
    hasWorker: typeof Worker !== 'undefined',
    hasWebAssembly: typeof WebAssembly !== 'undefined',
    serviceWorkerSupported: sw !== undefined,
    serviceWorkerControlled: !!sw?.controller,
  };
}

const STAGE_TEXT: Record<OptimizeProgress['stage'], string> = {
  reading: 'Reading the review log…',
  loading: 'Starting the optimizer…',
  training: 'Fitting the parameters',
  evaluating: 'Measuring the current and the new parameters…',
};

type Result = Extract<OptimizeOutcome, { type: 'done' }>;

export function OptimizePanel({
  settings,
  loadLog,
  onApply,
  onApplySteps,
  environment,
  run = runOptimizer,
}: OptimizePanelProps) {
  const [env] = useState(() => environment ?? readEnvironment());
  const reason = unavailableReason(env);
  const whyId = useId();
  const [progress, setProgress] = useState<OptimizeProgress | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [applied, setApplied] = useState(false);
  const [steps, setSteps] = useState<StepSuggestion | null>(null);
  /** The run in progress; `cancelled` also covers the moment before the worker exists. */
  const running = useRef<{ handle: OptimizeRun | null; cancelled: boolean } | null>(null);
  useEffect(() => () => cancel(), []);

  function cancel() {
    const current = running.current;
    if (!current) return;
    current.cancelled = true;
    current.handle?.cancel();
  }

  const start = async () => {
    setResult(null);
    setMessage(null);
    setApplied(false);
    setSteps(null);
    setProgress({ stage: 'reading', done: 0, total: 0 });
    const token: { handle: OptimizeRun | null; cancelled: boolean } = {
      handle: null,
      cancelled: false,
    };
    running.current = token;
    try {
      const log = await loadLog();
      let outcome: OptimizeOutcome = { type: 'cancelled' };
      if (!token.cancelled) {
        const handle = (token.handle = run(
          {
            log,
            dayStartHour: settings.dayStartHour,
            current: settings.weights,
            desiredRetention: settings.desiredRetention,
          },
          (p) => {
            if (!token.cancelled) setProgress(p);
          },
        ));
        void handle.steps?.then((s) => {
          if (s && !token.cancelled) setSteps(s);
        });
        outcome = await handle.result;
      }
      if (outcome.type === 'too-few')
        setMessage({ kind: 'info', text: tooFewMessage(outcome.items) });
      else if (outcome.type === 'cancelled') setMessage({ kind: 'info', text: 'Cancelled.' });
      else setResult(outcome);
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      running.current = null;
      setProgress(null);
    }
  };

  const decision = result && verdict(result.current, result.next);
  const apply = async () => {
    if (!result) return;
    if (await onApply(result.weights)) setApplied(true);
    else setMessage({ kind: 'error', text: 'The new parameters were not saved.' });
  };

  return (
    <section className="settings card optimize" aria-labelledby="optimize-heading">
      <h2 id="optimize-heading">Optimize</h2>
      <p className="muted small">
        Fits the FSRS parameters to your own review log with the FSRS optimizer (fsrs-rs, running in
        this page). Days are counted as study days starting at {settings.dayStartHour}:00, each
        answer in the time zone it was given in (recorded with it).
      </p>
      {reason && (
        <p id={whyId} className="small" role="note" data-testid="optimize-unavailable">
          {reason}
        </p>
      )}
      <div className="row">
        <Button
          variant="primary"
          disabled={reason !== null || progress !== null}
          aria-describedby={reason ? whyId : undefined}
          onClick={() => void start()}
        >
          Optimize
        </Button>
        {progress && <Button onClick={cancel}>Cancel</Button>}
      </div>
      {progress && (
        <div className="optimize-progress">
          <ProgressBar value={progress.done} max={Math.max(1, progress.total)} label="Optimizing" />
          <p role="status" className="small">
            {STAGE_TEXT[progress.stage]}
            {progress.stage === 'training' && progress.total > 0
              ? `: ${Math.round((100 * progress.done) / progress.total)} %`
              : ''}
          </p>
        </div>
      )}
      {result && decision && (
        <div data-testid="optimize-result">
          <table className="optimize-metrics">
            <caption className="small">
              {result.items.toLocaleString()} answers predicted, from{' '}
              {result.reviews.toLocaleString()} reviews (lower is better)
            </caption>
            <thead>
              <tr>
                <th scope="col">Parameters</th>
                <th scope="col">Log loss</th>
                <th scope="col">RMSE (bins)</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Current</th>
                <td>{formatMetric(result.current.logLoss, 4)}</td>
                <td>{formatMetric(result.current.rmseBins * 100, 2)} %</td>
              </tr>
              <tr>
                <th scope="row">New</th>
                <td>{formatMetric(result.next.logLoss, 4)}</td>
                <td>{formatMetric(result.next.rmseBins * 100, 2)} %</td>
              </tr>
            </tbody>
          </table>
          <p role="status">{applied ? 'New parameters applied.' : decision.message}</p>
          {decision.apply && !applied && (
            <Button variant="primary" onClick={() => void apply()}>
              Apply new parameters
            </Button>
          )}
        </div>
      )}
      {message &&
        (message.kind === 'error' ? (
          <Banner kind="error">{message.text}</Banner>
        ) : (
          <p role="status">{message.text}</p>
        ))}
      {steps && (
        <StepSuggestionView
          suggestion={steps}
          current={{
            learningSteps: settings.learningSteps,
            relearningSteps: settings.relearningSteps,
          }}
          onApply={onApplySteps}
        />
      )}
    </section>
  );
}
