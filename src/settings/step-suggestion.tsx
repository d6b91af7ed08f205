// The learning steps the review log suggests, under Settings → Optimize, with a button that
// saves them as the Settings steps.
import { useState } from 'react';
import type { StepSuggestion } from '../scheduler/step-stats.ts';
import { Banner } from '../ui/banner.tsx';
import { Button } from '../ui/button.tsx';
import { stepBasis, stepHeadline, stepsNeeded, stepsToApply, type StepLists } from './step-plan.ts';

export interface StepSuggestionProps {
  suggestion: StepSuggestion;
  current: StepLists;
  /** Saves these step lists into the settings; resolves false when they were not stored. */
  onApply: (steps: Partial<StepLists>) => Promise<boolean>;
}

export function StepSuggestionView({ suggestion, current, onApply }: StepSuggestionProps) {
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const headline = stepHeadline(suggestion);
  const needed = stepsNeeded(suggestion);
  const toApply = stepsToApply(suggestion, current);
  const apply = async () => {
    if (!toApply) return;
    setState('saving');
    setState((await onApply(toApply)) ? 'saved' : 'failed');
  };
  const suggested = suggestion.learningSteps.length + suggestion.relearningSteps.length > 0;
  return (
    <div className="optimize-steps" data-testid="step-suggestion">
      {headline && (
        <>
          <p className="optimize-steps-headline">
            Suggested learning steps: <span className="steps">{headline.learning}</span> ·
            relearning: <span className="steps">{headline.relearning}</span>
          </p>
          <p className="muted small">{stepBasis(suggestion)}</p>
          <p className="muted small">
            Yours now: <span className="steps">{current.learningSteps.join(' ') || 'none'}</span> ·
            relearning: <span className="steps">{current.relearningSteps.join(' ') || 'none'}</span>
          </p>
        </>
      )}
      {needed && <p className="small">{needed}</p>}
      {state === 'saved' ? (
        <p role="status">Steps saved.</p>
      ) : toApply ? (
        <Button disabled={state === 'saving'} onClick={() => void apply()}>
          Use these steps
        </Button>
      ) : (
        suggested && <p className="small">These are the steps you use.</p>
      )}
      {state === 'failed' && <Banner kind="error">The steps were not saved.</Banner>}
    </div>
  );
}
