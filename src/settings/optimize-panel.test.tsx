// @vitest-environment jsdom
// Guards the Optimize panel's rules (the worker is faked): too few answers say how many are
// needed; new parameters are offered only when they are better and saved as they came; a page
// that is not cross-origin isolated gets a disabled button that says why.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MIN_TRAINING_ITEMS } from '../scheduler/fsrs-items.ts';
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
  render(
    <OptimizePanel
      settings={{ ...DEFAULT_SETTINGS, dayStartHour: 5 }}
      loadLog={async () => []}
      onApply={onApply}
      environment={environment}
      run={run}
    />,
  );
  return { onApply };
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
});
