// Every stored record is checked on read: a damaged one is set aside, never trusted, never
// allowed to crash the app or take other records with it.
import type { Settings } from '../shared/types.ts';
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
  return validateSched(v.before) ?? validateSched(v.after);
}

/** A reason the stored settings record is damaged (a known field of the wrong type), or null. */
export function validateStoredSettings(v: unknown): string | null {
  if (!isObj(v)) return 'settings are not an object';
  for (const [k, def] of Object.entries(DEFAULT_SETTINGS)) {
    const val = v[k];
    if (val === undefined) continue;
    const ok =
      k === 'weights'
        ? val === null || (Array.isArray(val) && val.every(finite))
        : Array.isArray(def)
          ? Array.isArray(val) && val.every((x) => typeof x === 'string')
          : typeof def === 'number'
            ? finite(val)
            : typeof val === typeof def;
    if (!ok) return `setting ${k} has the wrong type`;
  }
  return null;
}

/** Stored settings merged over the defaults; fields of the wrong type fall back to defaults. */
export function readSettings(v: unknown): Settings {
  if (!isObj(v)) return DEFAULT_SETTINGS;
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [k, def] of Object.entries(DEFAULT_SETTINGS)) {
    const val = v[k];
    if (val === undefined) continue;
    if (k === 'weights')
      out[k] = val === null || (Array.isArray(val) && val.every(finite)) ? val : def;
    else if (Array.isArray(def))
      out[k] = Array.isArray(val) && val.every((x) => typeof x === 'string') ? val : def;
    else if (typeof val === typeof def && (typeof val !== 'number' || Number.isFinite(val)))
      out[k] = val;
  }
  return out as unknown as Settings;
}
