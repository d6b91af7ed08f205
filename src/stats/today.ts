// Today's panel, as Anki's stats/graphs/today.rs: every answer given since today's study day began
// (entries, not distinct cards; resets and suspensions count nowhere), Again as button 1, the
// revlog type from the phase before the answer, mature by the interval before it (≥ 21 days).
// Anki also counts rows stamped after the next rollover (a clock set back); here today ends where
// the calendar's today ends, so the two never disagree.
import type { CardId } from '../shared/types.ts';
import { answerType, byAnswerType, isAnswer, isMatureBefore, passed } from './answers.ts';
import type { StudyDays } from './study-days.ts';
import type { StatsInput, TodayStats } from './types.ts';

export function todayStats(input: StatsInput, days: StudyDays): TodayStats {
  const from = days.start(0);
  const to = days.start(1);
  const cards = new Set<CardId>();
  const byType = byAnswerType();
  const mature = { answers: 0, passed: 0 };
  let answers = 0;
  let newIntroduced = 0;
  let again = 0;
  let timeMs = 0;
  for (const entry of input.log) {
    if (entry.time < from || entry.time >= to || !isAnswer(entry)) continue;
    answers++;
    timeMs += entry.durationMs;
    cards.add(entry.cardId);
    byType[answerType(entry)]++;
    if (entry.before.phase === 'new') newIntroduced++;
    const ok = passed(entry);
    if (!ok) again++;
    if (isMatureBefore(entry)) {
      mature.answers++;
      if (ok) mature.passed++;
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
