// The workload forecast wired to the simulation: the person's collection measured once, then the
// chosen pace and span spread over it, so changing N starts only the run (a short pause lets a
// slider settle first). The run itself happens in a Web Worker (use-workload.ts).
import { useEffect, useMemo, useState } from 'react';
import type { StatsInput } from './types.ts';
import { useWorkloadForecast } from './use-workload.ts';
import { WorkloadChart } from './workload-chart.tsx';
import { workloadInput } from './workload.ts';

const SETTLE_MS = 150;

export interface WorkloadSettings {
  newPerDay: number;
  reviewsPerDay: number;
  maximumInterval: number;
  learningStepCount: number;
  relearningStepCount: number;
}

export function WorkloadSection({
  input,
  settings,
}: {
  input: StatsInput;
  settings: WorkloadSettings;
}) {
  const [newPerDay, setNewPerDay] = useState(settings.newPerDay);
  const [settled, setSettled] = useState(newPerDay);
  const [days, setDays] = useState(90);
  useEffect(() => {
    const id = setTimeout(() => setSettled(newPerDay), SETTLE_MS);
    return () => clearTimeout(id);
  }, [newPerDay]);
  const { reviewsPerDay, maximumInterval, learningStepCount, relearningStepCount } = settings;
  const base = useMemo(
    () =>
      workloadInput(input, {
        newPerDay: 0,
        reviewsPerDay,
        days: 365,
        maximumInterval,
        learningStepCount,
        relearningStepCount,
      }),
    [input, reviewsPerDay, maximumInterval, learningStepCount, relearningStepCount],
  );
  // "If I add N new cards a day": once the decks' own new cards are used up, the person keeps
  // writing N a day, so the pace holds for the whole span.
  const run = useMemo(
    () => ({ ...base, newPerDay: settled, days, extraNewCards: settled * days }),
    [base, settled, days],
  );
  const view = useWorkloadForecast(run);
  return (
    <WorkloadChart
      view={view}
      newPerDay={newPerDay}
      onNewPerDay={setNewPerDay}
      days={days}
      onDays={setDays}
    />
  );
}
