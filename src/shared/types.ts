// Domain types shared by every layer. Nothing here imports any other module of ours.

export type DeckId = string;
export type CardId = string;

export type Severity = 'error' | 'warning' | 'info';

/** Something in a deck file a person should know about; `line` is 1-based. */
export interface Diagnostic {
  line: number;
  severity: Severity;
  message: string;
}

/** One question block of a deck file. Question and answer are Markdown ready to render. */
export interface Card {
  id: CardId;
  deckId: DeckId;
  question: string;
  answer: string;
  /** 1-based line of the `!!! Question` admonition in the file. */
  line: number;
  /** The Markdown headings above the card, outermost first. */
  section: string[];
  /** Position of the card in its file, 0-based: the order new cards are introduced in. */
  index: number;
  /** Ids this card had under an older id rule (set only when different): its progress moves. */
  previousIds?: CardId[];
  /**
   * Cards made from one note share it (a cloze note's deletions, a `:::` card's two directions):
   * siblings are not shown on the same study day (Anki's burying). Absent: the card stands alone.
   */
  noteId?: string;
}

/**
 * The Q&A style a deck file is written in (issue 13), detected per file; front matter
 * `format: <style>` overrides the detection.
 */
export type DeckStyle =
  | 'mkdocs-tabs' // 1. `!!! Question ""` with `=== "Question"` / `=== "Answer"` tabs
  | 'admonition-title' // 2. `!!! question "What is X?"`, the body is the answer
  | 'heading-collapsible' // 3. a heading as question, the answer in `??? note "Answer"`
  | 'details' // 4. HTML <details><summary>
  | 'bold' // 5. `**Question?**` or `**Q**:` lines
  | 'qa' // 6. `Q:` / `A:` blocks
  | 'obsidian-sr' // 7. `q::a`, `q:::a`, `?` / `??` separators
  | 'heading' // 8. one question per heading, the body is the answer (mdanki)
  | 'cloze'; // 9. `==…==`, `{{c1::…}}`, hashcards' `C:` with `[…]`

export interface Deck {
  id: DeckId;
  /** Path under `decks/` (or the name of a file a person opened), with `/` separators. */
  path: string;
  title: string;
  /** Markdown text before the first question (may be empty). */
  description: string;
  cards: Card[];
  diagnostics: Diagnostic[];
  /** The Q&A style the file was read in (absent: no style found a question in it). */
  style?: DeckStyle;
}

/** Anki's four answer buttons. */
export type Rating = 1 | 2 | 3 | 4;
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];
export const RATING_LABELS: Record<Rating, string> = {
  1: 'Again',
  2: 'Hard',
  3: 'Good',
  4: 'Easy',
};

export type CardPhase = 'new' | 'learning' | 'review' | 'relearning';

/** FSRS scheduling fields of one card, JSON-safe: every time is milliseconds since the epoch. */
export interface SchedulingState {
  phase: CardPhase;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
  /**
   * Anki's "leech" tag: set by the lapse that reached the leech threshold (scheduler/leech.ts)
   * and kept from then on, through resets. Recorded in each log entry's states, so replaying the
   * log gives it back. Absent means false.
   */
  leech?: boolean;
}

/** The stored progress of one card: a cache of what its review log entries produce. */
export interface CardState {
  cardId: CardId;
  deckId: DeckId;
  sched: SchedulingState;
  suspended: boolean;
  /** Id of the newest log entry applied to this state (null for a card never touched). */
  lastLogId: string | null;
  updatedAt: number;
}

/**
 * What a log entry records. `review` is an answer (it has a rating); the others are
 * actions a person took on the card, logged so that replaying the log rebuilds the state.
 */
export type LogKind = 'review' | 'reset' | 'suspend' | 'unsuspend';

/** One entry of the review log, the source of truth for all progress. */
export interface ReviewLogEntry {
  /** Unique and sortable by time: see `newLogId` in scheduler/ids.ts. */
  id: string;
  cardId: CardId;
  deckId: DeckId;
  kind: LogKind;
  /** The rating for `review` entries, null otherwise. */
  rating: Rating | null;
  /** When it happened, ms since the epoch. */
  time: number;
  /** Time spent on the card before answering, ms (0 for non-review entries). */
  durationMs: number;
  before: SchedulingState;
  after: SchedulingState;
  /**
   * For answers: the IANA time zone (e.g. "America/New_York") and the day-start hour the study
   * days were counted in, so replaying the answer after a move to another zone, or a change of
   * "next day starts at", counts the same days. Entries from before they were recorded got the
   * device's zone and the settings' hour when the store was migrated (storage/migrations.ts).
   */
  timeZone?: string;
  dayStartHour?: number;
}

/** Anki's new card gather order, as far as a Markdown deck has one: file order, or random cards. */
export type NewCardOrder = 'file' | 'random';
/** Anki's review sort order: "Due date, then random", "Relative overdueness", "Random". */
export type ReviewOrder = 'due' | 'overdueness' | 'random';
/** Anki's new/review order: "Mix with reviews", "Show before reviews", "Show after reviews". */
export type NewReviewMix = 'mix' | 'before' | 'after';

/** Anki's leech action: "Tag only" or "Suspend card" (the card is tagged either way). */
export type LeechAction = 'tag' | 'suspend';

/** Scheduling settings, stored with progress. Defaults mirror Anki's. */
export interface Settings {
  desiredRetention: number;
  /** Learning steps as Anki writes them: '1m', '10m', '1h', '1d'. */
  learningSteps: string[];
  relearningSteps: string[];
  maximumInterval: number;
  enableFuzz: boolean;
  newPerDay: number;
  reviewsPerDay: number;
  /** Anki's "New cards ignore review limit": off, so reviews (and new cards) done use it up. */
  newCardsIgnoreReviewLimit: boolean;
  /** Anki's "Learn ahead limit", minutes: learning due this soon counts and is shown. */
  learnAheadMins: number;
  newCardOrder: NewCardOrder;
  reviewOrder: ReviewOrder;
  newReviewMix: NewReviewMix;
  /** Anki's "Leech threshold": lapses before a card is a leech (again every half as many after). */
  leechThreshold: number;
  leechAction: LeechAction;
  /** Local hour (0–23) at which a new study day starts. */
  dayStartHour: number;
  /** FSRS parameters; null means ts-fsrs's defaults. */
  weights: number[] | null;
  /**
   * Named limit presets besides "Default" (Anki's deck option presets). The Default preset is
   * newPerDay/reviewsPerDay above, so settings stored before presets existed load unchanged.
   */
  presets?: LimitPreset[];
  /** Deck path ('ml/nlp.md') or folder ('ml') → preset id; missing means Default. */
  deckPresets?: Record<string, string>;
  /** Deck path or folder → its own limits over its preset's (Anki's "This deck" / "Today only"). */
  deckLimits?: Record<string, DeckLimitOverride>;
  /**
   * Anki's "Apply limits from parent": studying a deck, the limits of every folder above it
   * apply too, not only those of the folders up to the one studied. Absent means off.
   */
  applyAllParentLimits?: boolean;
}

/**
 * A deck's or folder's own daily limits (Anki's NormalDeck new_limit / review_limit and their
 * `_today` forms): a limit set here wins over the preset's; a "today only" one wins over both on
 * the study day it was set for (`day`, scheduler/day.ts studyDayNumber) and is ignored after.
 */
export interface DeckLimitOverride {
  newPerDay?: number;
  reviewsPerDay?: number;
  today?: { day: number; newPerDay?: number; reviewsPerDay?: number };
}

/** The daily limits a preset holds; the other scheduling options stay global for now. */
export interface LimitPreset {
  id: string;
  name: string;
  newPerDay: number;
  reviewsPerDay: number;
}

export const DEFAULT_PRESET_ID = 'default';

export const DEFAULT_SETTINGS: Settings = {
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  maximumInterval: 36500,
  enableFuzz: true,
  newPerDay: 20,
  reviewsPerDay: 200,
  newCardsIgnoreReviewLimit: false,
  learnAheadMins: 20,
  newCardOrder: 'file',
  reviewOrder: 'due',
  newReviewMix: 'mix',
  leechThreshold: 8,
  leechAction: 'tag',
  dayStartHour: 4,
  weights: null,
};
