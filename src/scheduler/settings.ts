// Scheduling settings as a person may type them, checked with sentences that say what to fix.
import { default_w } from 'ts-fsrs';
import type { Settings } from '../shared/types.ts';

export interface FieldError {
  field: keyof Settings;
  message: string;
}

/**
 * Parameter counts ts-fsrs accepts: FSRS-6 (21), and FSRS-5 (19) and FSRS-4.5 (17), which it
 * migrates. Anki 24.x exports 19, so a person pasting their Anki parameters is not turned away.
 */
export const WEIGHT_COUNTS: readonly number[] = [17, 19, default_w.length];

const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * The one description of a step, shown as the Settings help and in validation messages, so the
 * two cannot disagree about which units exist.
 */
export const STEP_HELP = 'A step is a number and a unit (s, m, h or d), such as 30s, 1.5m or 1d.';

/**
 * '10m' → 600000, '30s' → 30000, '1.5m' → 90000; null for anything else. Like Anki (which keeps
 * steps as minutes in floats), a step may have seconds and decimals; it is at least one second.
 * The scheduler (fsrs.ts) reads steps only through this function.
 */
export function parseStep(step: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([smhd])$/.exec(step.trim());
  if (!m) return null;
  const ms = Math.round(Number(m[1]) * UNIT_MS[m[2]!]!);
  return ms >= 1000 && Number.isSafeInteger(ms) ? ms : null;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** Checks every field; on success returns a settings object holding only the known fields. */
export function validateSettings(
  input: unknown,
): { ok: true; settings: Settings } | { ok: false; errors: FieldError[] } {
  const v = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  const err = (field: keyof Settings, message: string) => errors.push({ field, message });

  const r = v.desiredRetention;
  if (typeof r !== 'number' || !(r >= 0.7 && r <= 0.99))
    err('desiredRetention', 'Desired retention must be a number between 0.70 and 0.99.');
  for (const field of ['newPerDay', 'reviewsPerDay'] as const) {
    const n = v[field];
    if (!isCount(n) || n < 0)
      err(
        field,
        `${field === 'newPerDay' ? 'New cards' : 'Reviews'} per day must be a whole number, 0 or more.`,
      );
  }
  const steps = (field: 'learningSteps' | 'relearningSteps') => {
    const s = v[field];
    if (!Array.isArray(s) || s.length > 20) return err(field, `${STEP_HELP} At most 20 steps.`);
    const bad = s.find((x) => typeof x !== 'string' || parseStep(x) === null);
    if (bad !== undefined) err(field, `"${String(bad)}" is not a step. ${STEP_HELP}`);
  };
  steps('learningSteps');
  steps('relearningSteps');
  const max = v.maximumInterval;
  if (!isCount(max) || max < 1 || max > 36_500)
    err('maximumInterval', 'The maximum interval must be a whole number of days from 1 to 36500.');
  const h = v.dayStartHour;
  if (!isCount(h) || h < 0 || h > 23)
    err('dayStartHour', 'The day start must be a whole hour from 0 to 23.');
  if (typeof v.enableFuzz !== 'boolean') err('enableFuzz', 'Fuzz must be on or off.');
  const w = v.weights;
  if (w !== null && w !== undefined) {
    if (
      !Array.isArray(w) ||
      !WEIGHT_COUNTS.includes(w.length) ||
      !w.every((x) => typeof x === 'number' && Number.isFinite(x))
    )
      err(
        'weights',
        `FSRS parameters must be ${WEIGHT_COUNTS.join(', ').replace(/, (\d+)$/, ' or $1')} numbers separated by commas, or empty for the defaults.`,
      );
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      desiredRetention: r as number,
      learningSteps: (v.learningSteps as string[]).map((x) => x.trim()),
      relearningSteps: (v.relearningSteps as string[]).map((x) => x.trim()),
      maximumInterval: max as number,
      enableFuzz: v.enableFuzz as boolean,
      newPerDay: v.newPerDay as number,
      reviewsPerDay: v.reviewsPerDay as number,
      dayStartHour: h as number,
      weights: Array.isArray(w) ? [...(w as number[])] : null,
    },
  };
}
