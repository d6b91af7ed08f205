// Settings as the form edits them (text fields) and back: pure, tested without a DOM.
import { STEP_HELP } from '../scheduler/settings.ts';
import type { Settings } from '../shared/types.ts';

export interface SettingsForm {
  desiredRetention: string;
  learningSteps: string;
  relearningSteps: string;
  maximumInterval: string;
  newPerDay: string;
  reviewsPerDay: string;
  dayStartHour: string;
  enableFuzz: boolean;
  weights: string;
}

export const FIELD_HELP: Record<keyof SettingsForm, [label: string, help: string]> = {
  desiredRetention: [
    'Desired retention',
    'The chance of remembering a card when it comes due (0.70–0.99). Higher means more reviews.',
  ],
  learningSteps: [
    'Learning steps',
    `Delays before a new card graduates, such as "1m 10m". ${STEP_HELP}`,
  ],
  relearningSteps: [
    'Relearning steps',
    `Delays for a card you forgot (rated Again), such as "10m". ${STEP_HELP}`,
  ],
  maximumInterval: ['Maximum interval (days)', 'The longest a card may wait between reviews.'],
  newPerDay: [
    'New cards per day',
    'How many unseen cards are introduced each day, across sessions.',
  ],
  reviewsPerDay: ['Maximum reviews per day', 'A cap on due reviews shown in one day.'],
  dayStartHour: [
    'Next day starts at (hour)',
    'The local hour (0–23) when a new study day begins; 4 means cards answered at 2 a.m. count for the day before.',
  ],
  enableFuzz: [
    'Fuzz intervals',
    'Spreads due dates a little so cards learned together do not stay together.',
  ],
  weights: [
    'FSRS parameters',
    'Comma-separated parameters from the FSRS optimizer; leave empty for the defaults.',
  ],
};

export function toForm(s: Settings): SettingsForm {
  return {
    desiredRetention: String(s.desiredRetention),
    learningSteps: s.learningSteps.join(' '),
    relearningSteps: s.relearningSteps.join(' '),
    maximumInterval: String(s.maximumInterval),
    newPerDay: String(s.newPerDay),
    reviewsPerDay: String(s.reviewsPerDay),
    dayStartHour: String(s.dayStartHour),
    enableFuzz: s.enableFuzz,
    weights: s.weights ? s.weights.join(', ') : '',
  };
}

const num = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));
const list = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

/** The form as a settings candidate; the scheduler's validateSettings decides if it is valid. */
export function fromForm(f: SettingsForm): Record<keyof Settings, unknown> {
  return {
    desiredRetention: num(f.desiredRetention),
    learningSteps: list(f.learningSteps),
    relearningSteps: list(f.relearningSteps),
    maximumInterval: num(f.maximumInterval),
    newPerDay: num(f.newPerDay),
    reviewsPerDay: num(f.reviewsPerDay),
    dayStartHour: num(f.dayStartHour),
    enableFuzz: f.enableFuzz,
    weights: f.weights.trim() === '' ? null : list(f.weights).map(Number),
  };
}
