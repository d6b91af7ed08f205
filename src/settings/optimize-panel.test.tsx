// @vitest-environment jsdom
// Guards the Optimize panel's rules (the worker is faked): too few answers say how many are
// needed; new parameters are offered only when they are better and saved as they came; a page
// that is not cross-origin isolated gets a disabled button that says why; the learning steps
// the log suggests are shown once it is read, and "Use these steps" saves exactly them.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MIN_TRAINING_ITEMS } from '../scheduler/fsrs-items.ts';
import type { StepSuggestion } from '../scheduler/step-stats.ts';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import type { OptimizeEnvironment } from './optimize-plan.ts';
import { OptimizePanel } from './optimize-panel.tsx';
import type { OptimizeOutcome, runOptimizer } from './optimize-run.ts';

const isolated: OptimizeEnvironment = {
  crossOriginIsolated: true,
  hasSharedArrayBuffer: true,
  hasWorker: true,
  hasWebAssembly: true,
  serviceWorkerSupported: true,
  serviceWorkerControlled: true,
};

const fakeRun = (outcome: OptimizeOutcome) =>
  vi.fn<typeof runOptimizer>(() => ({ result: Promise.resolve(outcome), cancel: () => {} }));

const weights = Array.from({ length: 21 }, (_, i) => i / 10);
const done = (currentRmse: number, nextRmse: number): OptimizeOutcome => ({
  type: 'done',
  weights,
  items: 1200,
  reviews: 2000,
  current: { logLoss: 0.35, rmseBins: currentRmse },
  next: { logLoss: 0.33, rmseBins: nextRmse },
  ms: 10,
});

function setup(run: typeof runOptimizer, environment = isolated) {
  const onApply = vi.fn(async (_w: number[]) => true);
  const onApplySteps = vi.fn(async (_s: object) => true);
  render(
    <OptimizePanel
      settings={{ ...DEFAULT_SETTINGS, dayStartHour: 5, desiredRetention: 0.87 }}
      loadLog={async () => []}
      onApply={onApply}
      onApplySteps={onApplySteps}
      environment={environment}
      run={run}
    />,
  );
  return { onApply, onApplySteps };
}

describe('the Optimize panel', () => {
  it('says how many answers are needed when there are too few (Anki: 400)', async () => {
    const run = fakeRun({ type: 'too-few', items: 123, reviews: 300 });
    setup(run);
    await userEvent.click(screen.getByRole('button', { name: 'Optimize' }));
    expect(await screen.findByText(/at least 400 answers/)).toHaveTextContent('this log has 123');
    expect(MIN_TRAINING_ITEMS).toBe(400);
    expect(run.mock.calls[0]?.[0]).toMatchObject({ dayStartHour: 5, current: null });
    expect(screen.queryByRole('button', { name: 'Apply new parameters' })).toBeNull();
  });

  it('offers better parameters and saves exactly them', async () => {
    const { onApply } = setup(fakeRun(done(0.05, 0.03)));
    await userEvent.click(screen.getByRole('button', { name: 'Optimize' }));
    const rows = await screen.findAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'ParametersLog lossRMSE (bins)',
      'Current0.35005.00 %',
      'New0.33003.00 %',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Apply new parameters' }));
    expect(onApply).toHaveBeenCalledWith(weights);
    expect(await screen.findByText('New parameters applied.')).toBeInTheDocument();
  });

  it('keeps the current parameters when the new ones are not better', async () => {
    const { onApply } = setup(fakeRun(done(0.03, 0.03)));
    await userEvent.click(screen.getByRole('button', { name: 'Optimize' }));
    expect(await screen.findByText(/they stay as they are/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Apply new parameters' })).toBeNull();
    expect(onApply).not.toHaveBeenCalled();
  });

  it('is disabled, and says why, on a page that is not cross-origin isolated', () => {
    const run = fakeRun({ type: 'cancelled' });
    setup(run, { ...isolated, crossOriginIsolated: false, hasSharedArrayBuffer: false });
    expect(screen.getByRole('button', { name: 'Optimize' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Optimize' })).toHaveAccessibleDescription(
      /needs shared memory/,
    );
    expect(screen.getByTestId('optimize-unavailable')).toHaveTextContent(
      /cross-origin isolated.*CSV export below still works/,
    );
  });

  it('before the service worker controls the page, says a reload will isolate it', () => {
    setup(fakeRun({ type: 'cancelled' }), {
      ...isolated,
      crossOriginIsolated: false,
      serviceWorkerControlled: false,
    });
    expect(screen.getByTestId('optimize-unavailable')).toHaveTextContent(/Reload the page/);
  });

  describe('learning steps from the log', () => {
    const suggestion = (over: Partial<StepSuggestion> = {}): StepSuggestion => ({
      learningSteps: ['1m', '14m'],
      relearningSteps: ['11m'],
      firstAnswers: 2345,
      againFirst: 500,
      lapses: 410,
      learningEnough: true,
      relearningEnough: true,
      desiredRetention: 0.87,
      ...over,
    });
    /** A run whose worker has read the log and suggested steps, and is still fitting. */
    const fittingRun = (steps: StepSuggestion) =>
      vi.fn<typeof runOptimizer>(() => ({
        result: new Promise<OptimizeOutcome>(() => {}),
        steps: Promise.resolve(steps),
        cancel: () => {},
      }));

    it('shows the suggestion while fitting, and saves exactly the suggested steps', async () => {
      const run = fittingRun(suggestion());
      const { onApplySteps } = setup(run);
      await userEvent.click(screen.getByRole('button', { name: 'Optimize' }));
      const view = await screen.findByTestId('step-suggestion');
      expect(run.mock.calls[0]?.[0]).toMatchObject({ desiredRetention: 0.87 });
      expect(view).toHaveTextContent('Suggested learning steps: 1m 14m · relearning: 11m');
      expect(view).toHaveTextContent(/Based on 2,345 new cards' first answers and 410 lapses/);
      expect(view).toHaveTextContent(/recall 87 %/);
      expect(view).toHaveTextContent('Yours now: 1m 10m · relearning: 10m');
      // The fit is still running.
      expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Use these steps' }));
      expect(onApplySteps).toHaveBeenCalledWith({
        learningSteps: ['1m', '14m'],
        relearningSteps: ['11m'],
      });
      expect(await screen.findByText('Steps saved.')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Use these steps' })).toBeNull();
    });

    it('with too few answers says how many are needed, and offers nothing to save', async () => {
      const few = suggestion({
        learningSteps: [],
        relearningSteps: [],
        firstAnswers: 37,
        againFirst: 9,
        lapses: 5,
        learningEnough: false,
        relearningEnough: false,
      });
      setup(fittingRun(few));
      await userEvent.click(screen.getByRole('button', { name: 'Optimize' }));
      const view = await screen.findByTestId('step-suggestion');
      expect(view).toHaveTextContent(
        'Not enough history yet: learning steps need 100 new cards with the same first answer (Again, Hard or Good) and a later answer (this log has 37 such cards in all); relearning steps need 100 lapses with a later answer (this log has 5).',
      );
      expect(view).not.toHaveTextContent(/Suggested/);
      expect(screen.queryByRole('button', { name: 'Use these steps' })).toBeNull();
    });

    it('saves only the side that has a suggestion, and says what the other needs', async () => {
      const { onApplySteps } = setup(
        fittingRun(suggestion({ relearningSteps: [], relearningEnough: false, lapses: 12 })),
      );
      await userEvent.click(screen.getByRole('button', { name: 'Optimize' }));
      const view = await screen.findByTestId('step-suggestion');
      expect(view).toHaveTextContent(
        'Suggested learning steps: 1m 14m · relearning: not enough answers yet',
      );
      expect(view).toHaveTextContent(/relearning steps need 100 lapses .* \(this log has 12\)/);
      await userEvent.click(screen.getByRole('button', { name: 'Use these steps' }));
      expect(onApplySteps).toHaveBeenCalledWith({ learningSteps: ['1m', '14m'] });
    });

    it('says what a first step needs when too few new cards were first answered Again', async () => {
      setup(fittingRun(suggestion({ learningSteps: [], againFirst: 13 })));
      await userEvent.click(screen.getByRole('button', { name: 'Optimize' }));
      const view = await screen.findByTestId('step-suggestion');
      expect(view).toHaveTextContent('Suggested learning steps: none under 12 h · relearning: 11m');
      expect(view).toHaveTextContent(
        'Not enough history yet: a first learning step needs 100 new cards first answered Again and answered again later (this log has 13).',
      );
    });

    it('says so when the suggestion is what is set already', async () => {
      setup(fittingRun(suggestion({ learningSteps: ['1m', '10m'], relearningSteps: ['10m'] })));
      await userEvent.click(screen.getByRole('button', { name: 'Optimize' }));
      expect(await screen.findByText('These are the steps you use.')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Use these steps' })).toBeNull();
    });
  });
});
