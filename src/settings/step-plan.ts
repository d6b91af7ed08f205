// What the Optimize panel says about the learning steps the log suggests (step-stats.ts), and
// which steps "Use these steps" saves, as plain functions.
import { MIN_STEP_ANSWERS, type StepSuggestion } from '../scheduler/step-stats.ts';
import type { Settings } from '../shared/types.ts';

export type StepLists = Pick<Settings, 'learningSteps' | 'relearningSteps'>;

const side = (enough: boolean, steps: string[], none: string) =>
  !enough ? 'not enough answers yet' : steps.length > 0 ? steps.join(' ') : none;

/** "Suggested learning steps: 1m 14m · relearning: 11m", or null when there is too little. */
export function stepHeadline(s: StepSuggestion): string | null {
  if (!s.learningEnough && !s.relearningEnough) return null;
  const learning = side(s.learningEnough, s.learningSteps, 'none (12 h or more)');
  const relearning = side(s.relearningEnough, s.relearningSteps, 'none (12 h or more)');
  return `Suggested learning steps: ${learning} · relearning: ${relearning}`;
}

export function stepBasis(s: StepSuggestion): string {
  const percent = Math.round(s.desiredRetention * 100);
  return `Based on ${s.firstAnswers.toLocaleString()} new cards' first answers and ${s.lapses.toLocaleString()} lapses, each with the answer after it: the delay at which you still recall ${percent} % (your desired retention), as the FSRS step recommender fits it.`;
}

/** What is missing, for each side that has too few answers; null when both have enough. */
export function stepsNeeded(s: StepSuggestion): string | null {
  const needs: string[] = [];
  if (!s.learningEnough)
    needs.push(
      `learning steps need ${MIN_STEP_ANSWERS} new cards with the same first answer (Again, Hard or Good) and a later answer (this log has ${s.firstAnswers.toLocaleString()} such cards in all)`,
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
