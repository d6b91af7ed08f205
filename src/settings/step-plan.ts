// What the Optimize panel says about the learning steps the log suggests (step-stats.ts), and
// which steps "Use these steps" saves, as plain functions.
import { MIN_STEP_ANSWERS, type StepSuggestion } from '../scheduler/step-stats.ts';
import type { Settings } from '../shared/types.ts';

export type StepLists = Pick<Settings, 'learningSteps' | 'relearningSteps'>;

const side = (enough: boolean, steps: string[], none: string) =>
  !enough ? 'not enough answers yet' : steps.length > 0 ? steps.join(' ') : none;

/**
 * The two halves of "Suggested learning steps: 1m 14m · relearning: 11m", or null when there is
 * too little for either.
 */
export function stepHeadline(s: StepSuggestion): { learning: string; relearning: string } | null {
  if (!s.learningEnough && !s.relearningEnough) return null;
  return {
    learning: side(s.learningEnough, s.learningSteps, 'none under 12 h'),
    relearning: side(s.relearningEnough, s.relearningSteps, 'none under 12 h'),
  };
}

export function stepBasis(s: StepSuggestion): string {
  const percent = Math.round(s.desiredRetention * 100);
  return `Based on ${s.firstAnswers.toLocaleString()} new cards' first answers and ${s.lapses.toLocaleString()} lapses, each with the next answer: the delays at which you still recall ${percent} %, your desired retention.`;
}

/** What is missing, for each side that has too few answers; null when both have enough. */
export function stepsNeeded(s: StepSuggestion): string | null {
  const needs: string[] = [];
  if (!s.learningEnough)
    needs.push(
      `learning steps need ${MIN_STEP_ANSWERS} new cards with the same first answer (Again, Hard or Good) and a later answer (this log has ${s.firstAnswers.toLocaleString()} such cards in all)`,
    );
  else if (s.againFirst < MIN_STEP_ANSWERS)
    needs.push(
      `a first learning step needs ${MIN_STEP_ANSWERS} new cards first answered Again and answered again later (this log has ${s.againFirst.toLocaleString()})`,
    );
  if (!s.relearningEnough)
    needs.push(
      `relearning steps need ${MIN_STEP_ANSWERS} lapses with a later answer (this log has ${s.lapses.toLocaleString()})`,
    );
  return needs.length === 0 ? null : `Not enough history yet: ${needs.join('; ')}.`;
}

/** The lists "Use these steps" saves: only those with a suggested step; null when none differ. */
export function stepsToApply(s: StepSuggestion, current: StepLists): Partial<StepLists> | null {
  const out: Partial<StepLists> = {};
  const same = (a: string[], b: string[]) => a.join(' ') === b.join(' ');
  if (s.learningSteps.length > 0 && !same(s.learningSteps, current.learningSteps))
    out.learningSteps = s.learningSteps;
  if (s.relearningSteps.length > 0 && !same(s.relearningSteps, current.relearningSteps))
    out.relearningSteps = s.relearningSteps;
  return Object.keys(out).length > 0 ? out : null;
}
