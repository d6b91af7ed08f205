// Today's panel, as Anki's stats/graphs/today.rs: every answer given since today's study day began
// (entries, not distinct cards; resets and suspensions count nowhere), Again as button 1, the
// revlog type from the phase before the answer, mature by the interval before it (≥ 21 days).
// Anki also counts rows stamped after the next rollover (a clock set back); here today ends where
// the calendar's today ends, so the two never disagree.
import type { CardId } from '../shared/types.ts';
import { byAnswerType, MATURE_DAYS } from './answers.ts';
import { ANSWER_TYPES, logColumns } from './log-columns.ts';
import type { StudyDays } from './study-days.ts';
import type { StatsInput, TodayStats } from './types.ts';

export function todayStats(input: StatsInput, days: StudyDays): TodayStats {
  const from = days.start(0);
  const to = days.start(1);
  const { log, length, time, rating, type, wasNew, lastIvl, durationMs } = logColumns(input.log);
  const cards = new Set<CardId>();
  const byType = byAnswerType();
  const mature = { answers: 0, passed: 0 };
  let answers = 0;
  let newIntroduced = 0;
  let again = 0;
  let timeMs = 0;
  for (let i = 0; i < length; i++) {
    const t = time[i]!;
    const r = rating[i]!;
    if (t < from || t >= to || r === 0) continue;
    answers++;
    timeMs += durationMs[i]!;
    cards.add(log[i]!.cardId);
    byType[ANSWER_TYPES[type[i]!]!]++;
    newIntroduced += wasNew[i]!;
    if (r === 1) again++;
    if (lastIvl[i]! >= MATURE_DAYS) {
      mature.answers++;
      if (r > 1) mature.passed++;
    }
  }
  return {
    answers,
    cards: cards.size,
    newIntroduced,
    again,
    againRate: answers === 0 ? null : again / answers,
    timeMs,
    byType,
    mature,
    stillDue: stillDue(input, to),
  };
}

/** Cards that exist, are not new and not suspended, and fall due before the next study day. */
function stillDue(input: StatsInput, nextDayStart: number): number {
  let due = 0;
  for (const card of input.cards) {
    const state = input.states.get(card.id);
    if (!state || state.suspended || state.sched.phase === 'new') continue;
    if (state.sched.due < nextDayStart) due++;
  }
  return due;
}
