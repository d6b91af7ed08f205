// Settings as the form edits them (text fields) and back: pure, tested without a DOM.
import { STEP_HELP } from '../scheduler/settings.ts';
import type {
  LeechAction,
  NewCardOrder,
  NewReviewMix,
  ReviewOrder,
  Settings,
} from '../shared/types.ts';

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
  newCardsIgnoreReviewLimit: boolean;
  learnAheadMins: string;
  newCardOrder: NewCardOrder;
  reviewOrder: ReviewOrder;
  newReviewMix: NewReviewMix;
  leechThreshold: string;
  leechAction: LeechAction;
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
    'How many unseen cards are introduced each day, across sessions, in each deck using the Default preset (see Limit presets below).',
  ],
  reviewsPerDay: [
    'Maximum reviews per day',
    'A cap on due reviews shown in one day, in each deck using the Default preset.',
  ],
  dayStartHour: [
    'Next day starts at (hour)',
    'The local hour (0–23) when a new study day begins; 4 means cards answered at 2 a.m. count for the day before.',
  ],
  enableFuzz: [
    'Fuzz intervals',
    'Spreads due dates a little so cards learned together do not stay together.',
  ],
  newCardsIgnoreReviewLimit: [
    'New cards ignore review limit',
    'Off (as in Anki): reviews done today, and new cards done today, use up the review limit, and no more new cards are shown than it has left.',
  ],
  learnAheadMins: [
    'Learn ahead limit (minutes)',
    'A learning card due within this many minutes counts as due and is shown when nothing else is left.',
  ],
  newCardOrder: ['New card order', 'The order unseen cards are introduced in.'],
  reviewOrder: ['Review sort order', 'The order due reviews are shown in.'],
  newReviewMix: ['New/review order', 'Where new cards go among the reviews.'],
  leechThreshold: [
    'Leech threshold',
    'How many times a review card may be forgotten before it is marked a leech (again every half as many after that).',
  ],
  leechAction: [
    'Leech action',
    'Tag only marks the card, so Browse can list leeches; Suspend card also stops showing it.',
  ],
  weights: [
    'FSRS parameters',
    'Comma-separated parameters from the FSRS optimizer or Anki (21 numbers; 19 or 17 from older versions are converted as Anki does); leave empty for the defaults.',
  ],
};

/** The choices of each select, with Anki's wording (deck options: Display Order, Lapses). */
export const CHOICES = {
  newCardOrder: [
    ['file', 'Order in file'],
    ['random', 'Random cards'],
  ],
  reviewOrder: [
    ['due', 'Due date, then random'],
    ['overdueness', 'Relative overdueness'],
    ['random', 'Random'],
  ],
  newReviewMix: [
    ['mix', 'Mix with reviews'],
    ['before', 'Show before reviews'],
    ['after', 'Show after reviews'],
  ],
  leechAction: [
    ['tag', 'Tag only'],
    ['suspend', 'Suspend card'],
  ],
} as const satisfies Record<
  'newCardOrder' | 'reviewOrder' | 'newReviewMix' | 'leechAction',
  readonly (readonly [string, string])[]
>;

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
    newCardsIgnoreReviewLimit: s.newCardsIgnoreReviewLimit,
    learnAheadMins: String(s.learnAheadMins),
    newCardOrder: s.newCardOrder,
    reviewOrder: s.reviewOrder,
    newReviewMix: s.newReviewMix,
    leechThreshold: String(s.leechThreshold),
    leechAction: s.leechAction,
  };
}

const num = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));
const list = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

/** The form as a settings candidate; the scheduler's validateSettings decides if it is valid. */
export function fromForm(
  f: SettingsForm,
): Record<
  Exclude<keyof Settings, 'presets' | 'deckPresets' | 'deckLimits' | 'applyAllParentLimits'>,
  unknown
> {
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
    newCardsIgnoreReviewLimit: f.newCardsIgnoreReviewLimit,
    learnAheadMins: num(f.learnAheadMins),
    newCardOrder: f.newCardOrder,
    reviewOrder: f.reviewOrder,
    newReviewMix: f.newReviewMix,
    leechThreshold: num(f.leechThreshold),
    leechAction: f.leechAction,
  };
}
