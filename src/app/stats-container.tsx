// The Stats screen wired to the store: the whole log is loaded once, narrowed to the chosen
// scope, and every figure is computed from it. Loaded lazily (app.tsx), so the review path never
// downloads the stats code or the chart library.
import { useEffect, useMemo, useState } from 'react';
import { previewText } from '../library/browse-rows.ts';
import { computeStats } from '../stats/compute-stats.ts';
import { formatCount } from '../stats/format.ts';
import type { HardCard } from '../stats/types.ts';
import { narrowInput, scopeDeckIds, scopeOptions } from '../stats/scope.ts';
import { StatsScreen } from '../stats/stats-screen.tsx';
import { localTimeZone } from '../stats/study-days.ts';
import { WorkloadSection } from '../stats/workload-section.tsx';
import type { StatsInput } from '../stats/types.ts';
import { Banner } from '../ui/banner.tsx';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { describeError } from './describe-error.ts';
import { useRecall } from './store.ts';
import { useNow } from './use-now.ts';
import { routeHref } from './use-route.ts';

export function StatsContainer() {
  const decks = useRecall((s) => s.decks);
  const cardsById = useRecall((s) => s.cardsById);
  const deckById = useRecall((s) => s.deckById);
  const states = useRecall((s) => s.states);
  const settings = useRecall((s) => s.settings);
  const fullLog = useRecall((s) => s.fullLog);
  const loadFullLog = useRecall((s) => s.loadFullLog);
  // The figures are a snapshot; refreshed every few minutes so "today" follows the clock without
  // re-running the forecast every minute.
  const now = useNow(300_000);
  const [scope, setScope] = useState('all');
  const [error, setError] = useState<string | null>(null);

  const [reading, setReading] = useState<{ read: number; total: number } | null>(null);
  useEffect(() => {
    loadFullLog((read, total) => setReading({ read, total })).catch((e: unknown) =>
      setError(describeError(e)),
    );
  }, [loadFullLog]);

  const options = useMemo(() => scopeOptions(decks), [decks]);
  const chosen = options.find((o) => o.value === scope) ?? options[0]!;
  const cards = useMemo(() => decks.flatMap((d) => d.cards), [decks]);
  const timeZone = useMemo(() => localTimeZone(), []);
  const input = useMemo<StatsInput | null>(() => {
    if (!fullLog) return null;
    const all: StatsInput = {
      log: fullLog,
      states,
      cards,
      now,
      dayStartHour: settings.dayStartHour,
      timeZone,
      desiredRetention: settings.desiredRetention,
      weights: settings.weights,
    };
    return narrowInput(all, scopeDeckIds(chosen.scope, decks));
  }, [fullLog, states, cards, now, settings, timeZone, chosen, decks]);
  const figures = useMemo(() => (input ? computeStats(input) : null), [input]);
  const workloadSettings = useMemo(
    () => ({
      newPerDay: settings.newPerDay,
      reviewsPerDay: settings.reviewsPerDay,
      maximumInterval: settings.maximumInterval,
      learningStepCount: settings.learningSteps.length,
      relearningStepCount: settings.relearningSteps.length,
    }),
    [settings],
  );

  if (error)
    return (
      <Banner kind="error">Recall could not read your answers for the statistics: {error}</Banner>
    );
  if (!figures || !input)
    return (
      <div className="stats-loading">
        <p className="muted" aria-live="polite">
          {reading && reading.total > 0
            ? `Reading your answers… ${formatCount(reading.read)} of ${formatCount(reading.total)}`
            : 'Loading your answers…'}
        </p>
        {reading && reading.total > 0 && (
          <ProgressBar value={reading.read} max={reading.total} label="Reading your answers" />
        )}
      </div>
    );

  const cardLinks = {
    href: (c: HardCard) =>
      cardsById.has(c.cardId) && deckById.has(c.deckId)
        ? routeHref({ name: 'browse', deckId: c.deckId, card: c.cardId })
        : null,
    label: (c: HardCard) => {
      const card = cardsById.get(c.cardId);
      return card ? previewText(card.question, 90) : 'A question no longer in any deck';
    },
  };
  return (
    <StatsScreen
      figures={figures}
      scopes={options}
      scope={chosen.value}
      onScope={setScope}
      deckTitle={(id) => deckById.get(id)?.title ?? id}
      cardLinks={cardLinks}
      workload={<WorkloadSection input={input} settings={workloadSettings} />}
    />
  );
}
