// The workload forecast wired to the simulation: the person's collection measured once, then the
// chosen pace and span spread over it, so changing N starts only the run (a short pause lets a
// slider settle first). The run itself happens in a Web Worker (use-workload.ts).
import { useEffect, useMemo, useState } from 'react';
import type { StatsInput, WorkloadInput } from './types.ts';
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
  // Measuring the collection reads the whole log (~100 ms for 100,000 entries): done in a task of
  // its own after the figures are drawn, so opening Stats is not one long block.
  const [base, setBase] = useState<WorkloadInput | null>(null);
  useEffect(() => {
    const id = setTimeout(
      () =>
        setBase(
          workloadInput(input, {
            newPerDay: 0,
            reviewsPerDay,
            days: 365,
            maximumInterval,
            learningStepCount,
            relearningStepCount,
          }),
        ),
      0,
    );
    return () => clearTimeout(id);
  }, [input, reviewsPerDay, maximumInterval, learningStepCount, relearningStepCount]);
  // "If I add N new cards a day": once the decks' own new cards are used up, the person keeps
  // writing N a day, so the pace holds for the whole span.
  const run = useMemo(
    () => (base ? { ...base, newPerDay: settled, days, extraNewCards: settled * days } : null),
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
