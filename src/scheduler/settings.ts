// Scheduling settings as a person may type them, checked with sentences that say what to fix.
import { default_w } from 'ts-fsrs';
import type { Settings } from '../shared/types.ts';

export interface FieldError {
  field: keyof Settings;
  message: string;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** '10m' → 600000; null for anything ts-fsrs would not accept. */
export function parseStep(step: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([mhd])$/.exec(step.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 ? n * UNIT_MS[m[2]!]! : null;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

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
    if (!isInt(n) || n < 0 || n > 100_000)
      err(
        field,
        `${field === 'newPerDay' ? 'New cards' : 'Reviews'} per day must be a whole number, 0 or more.`,
      );
  }
  const steps = (field: 'learningSteps' | 'relearningSteps') => {
    const s = v[field];
    if (
      !Array.isArray(s) ||
      s.length > 20 ||
      !s.every((x) => typeof x === 'string' && parseStep(x) !== null)
    )
      err(
        field,
        'Steps are durations like "1m 10m" (minutes m, hours h, days d), separated by spaces.',
      );
  };
  steps('learningSteps');
  steps('relearningSteps');
  const max = v.maximumInterval;
  if (!isInt(max) || max < 1 || max > 36_500)
    err('maximumInterval', 'The maximum interval must be a whole number of days from 1 to 36500.');
  const h = v.dayStartHour;
  if (!isInt(h) || h < 0 || h > 23)
    err('dayStartHour', 'The day start must be an hour from 0 to 23.');
  if (typeof v.enableFuzz !== 'boolean') err('enableFuzz', 'Fuzz must be on or off.');
  const w = v.weights;
  if (w !== null && w !== undefined) {
    if (
      !Array.isArray(w) ||
      w.length !== default_w.length ||
      !w.every((x) => typeof x === 'number' && Number.isFinite(x))
    )
      err(
        'weights',
        `FSRS parameters must be ${default_w.length} numbers separated by commas, or empty for the defaults.`,
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
      weights: Array.isArray(w) ? (w as number[]) : null,
    },
  };
}
