// Every stored record is checked on read: a damaged one is set aside, never trusted, never
// allowed to crash the app or take other records with it.
import type { Settings } from '../shared/types.ts';
import { repairSettings } from '../shared/settings-rules.ts';
import { DEFAULT_SETTINGS } from '../shared/types.ts';

const PHASES = new Set(['new', 'learning', 'review', 'relearning']);
const KINDS = new Set(['review', 'reset', 'suspend', 'unsuspend']);

/** The scheduling fields that are plain non-negative numbers. */
export const SCHED_COUNTS = [
  'stability',
  'difficulty',
  'elapsedDays',
  'scheduledDays',
  'learningSteps',
  'reps',
  'lapses',
] as const;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A reason the value is not a valid scheduling state, or null when it is. */
export function validateSched(v: unknown): string | null {
  if (!isObj(v)) return 'scheduling fields are missing';
  if (typeof v.phase !== 'string' || !PHASES.has(v.phase))
    return `unknown phase ${String(v.phase)}`;
  if (!finite(v.due)) return 'due is missing or not a time';
  for (const k of SCHED_COUNTS) {
    if (!finite(v[k]) || (v[k] as number) < 0) return `${k} is not a number`;
  }
  if (v.lastReview !== null && !finite(v.lastReview)) return 'lastReview is not a time';
  return null;
}

export function validateCardState(v: unknown): string | null {
  if (!isObj(v)) return 'not an object';
  if (typeof v.cardId !== 'string' || v.cardId === '') return 'card id is missing';
  if (typeof v.deckId !== 'string') return 'deck id is missing';
  if (typeof v.suspended !== 'boolean') return 'suspended is not true or false';
  if (v.lastLogId !== null && typeof v.lastLogId !== 'string') return 'lastLogId is not text';
  if (!finite(v.updatedAt)) return 'updatedAt is not a time';
  return validateSched(v.sched);
}

export function validateLogEntry(v: unknown): string | null {
  if (!isObj(v)) return 'not an object';
  if (typeof v.id !== 'string' || v.id === '') return 'entry id is missing';
  if (typeof v.cardId !== 'string' || v.cardId === '') return 'card id is missing';
  if (typeof v.deckId !== 'string') return 'deck id is missing';
  if (typeof v.kind !== 'string' || !KINDS.has(v.kind)) return `unknown kind ${String(v.kind)}`;
  if (v.kind === 'review') {
    if (v.rating !== 1 && v.rating !== 2 && v.rating !== 3 && v.rating !== 4)
      return `unknown rating ${String(v.rating)}`;
  } else if (v.rating !== null) return 'rating on a non-review entry';
  if (!finite(v.time)) return 'time is missing';
  if (!finite(v.durationMs) || v.durationMs < 0) return 'duration is not a number';
  // Absent on entries written before answers recorded them: replay then counts in this device's
  // zone. Any name is kept, even one this device's Intl does not know (day.ts falls back then).
  if (
    v.timeZone !== undefined &&
    (typeof v.timeZone !== 'string' || v.timeZone === '' || v.timeZone.length > 100)
  )
    return 'time zone is not a name';
  if (
    v.dayStartHour !== undefined &&
    (!Number.isInteger(v.dayStartHour) ||
      (v.dayStartHour as number) < 0 ||
      (v.dayStartHour as number) > 23)
  )
    return 'day-start hour is not an hour';
  return validateSched(v.before) ?? validateSched(v.after);
}

/** A reason the stored settings record is damaged (a known field the rules refuse), or null. */
export function validateStoredSettings(v: unknown): string | null {
  if (!isObj(v)) return 'settings are not an object';
  const { problems } = repairSettings(v, 'The stored');
  return problems.length === 0
    ? null
    : `setting ${problems.map((p) => p.field).join(', ')} cannot be used`;
}

/**
 * Stored settings merged over the defaults by the same rules as the Settings form: a field of the
 * wrong type or an impossible value (retention 5, a step "abc") falls back to its default, with a
 * sentence naming it in `problems`.
 */
export function checkStoredSettings(v: unknown): { settings: Settings; problems: string[] } {
  if (v === undefined) return { settings: DEFAULT_SETTINGS, problems: [] };
  if (!isObj(v))
    return {
      settings: DEFAULT_SETTINGS,
      problems: ['The stored settings could not be read, so the defaults apply.'],
    };
  const { settings, problems } = repairSettings(v, 'The stored');
  return { settings, problems: problems.map((p) => p.message) };
}

/** Stored settings, every field checked; unusable ones are the defaults. */
export function readSettings(v: unknown): Settings {
  return checkStoredSettings(v).settings;
}
