// @vitest-environment jsdom
// The forecast hook where there are no workers (jsdom): it runs on the main thread in slices, and
// a changed input replaces the old run, whose result never lands.
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SimCard, WorkloadDay, WorkloadInput } from './types.ts';
import { useWorkloadForecast } from './use-workload.ts';
import {
  DEFAULT_COSTS,
  DEFAULT_FIRST_RATING,
  DEFAULT_REVIEW_RATING,
  simulateWorkload,
} from './workload.ts';

const newCard: SimCard = { stability: null, difficulty: null, dueDay: 0, elapsedDays: 0 };

const input = (newPerDay: number, days: number): WorkloadInput => ({
  cards: [
    ...Array.from({ length: 200 }, (_, i) => ({
      stability: 1 + (i % 50),
      difficulty: 1 + (i % 9),
      dueDay: i % 30,
      elapsedDays: i % 10,
    })),
    ...Array.from({ length: 2000 }, () => newCard),
  ],
  newPerDay,
  reviewsPerDay: 9999,
  days,
  desiredRetention: 0.9,
  weights: null,
  maximumInterval: 36500,
  costs: DEFAULT_COSTS,
  firstRating: DEFAULT_FIRST_RATING,
  reviewRating: DEFAULT_REVIEW_RATING,
  seed: 42,
});

describe('useWorkloadForecast (no Worker: main-thread fallback)', () => {
  it('is idle without an input', () => {
    const { result } = renderHook(() => useWorkloadForecast(null));
    expect(result.current).toEqual({ status: 'idle', progress: 0, days: null, error: null });
  });

  it('runs to done with the simulation result, reporting progress on the way', async () => {
    expect(typeof Worker).toBe('undefined');
    const a = input(10, 120);
    const seen: number[] = [];
    const { result } = renderHook(() => {
      const f = useWorkloadForecast(a);
      seen.push(f.progress);
      return f;
    });
    expect(result.current.status).toBe('running');
    await waitFor(() => expect(result.current.status).toBe('done'), { timeout: 10_000 });
    expect(result.current.days).toEqual(simulateWorkload(a));
    expect(result.current.progress).toBe(1);
    // Drawn in between: some progress strictly between 0 and 1 was shown.
    expect(seen.some((p) => p > 0 && p < 1)).toBe(true);
  });

  it('a changed input replaces the old result; a run cut short never lands', async () => {
    const first = input(5, 60);
    // Every result the component was ever drawn with.
    const drawn: (WorkloadDay[] | null)[] = [];
    const { result, rerender } = renderHook(
      ({ i }) => {
        const f = useWorkloadForecast(i);
        drawn.push(f.days);
        return f;
      },
      { initialProps: { i: first } },
    );
    await waitFor(() => expect(result.current.status).toBe('done'), { timeout: 10_000 });
    const firstDays = result.current.days;
    expect(firstDays).toEqual(simulateWorkload(first));

    // A long run, replaced before it can finish by a third input (dragging the slider).
    const dragged = input(40, 365);
    const settled = input(25, 60);
    rerender({ i: dragged });
    expect(result.current.status).toBe('running');
    // The previous forecast stays drawn while the new one runs.
    expect(result.current.days).toBe(firstDays);
    rerender({ i: settled });
    await waitFor(() => expect(result.current.status).toBe('done'), { timeout: 10_000 });
    expect(result.current.days).toEqual(simulateWorkload(settled));
    expect(result.current.days).not.toEqual(firstDays);
    // The cut-short run (365 days) was never drawn.
    expect(drawn.some((d) => d !== null && d.length === 365)).toBe(false);
  });
});
