// The one set of rules for scheduling settings, used wherever settings enter: the Settings form,
// the stored record on load, and a backup on import. Pure and free of ts-fsrs, so storage/ may
// use it too (scheduler/settings.ts re-exports it for the scheduler's side).
import { DEFAULT_PRESET_ID, DEFAULT_SETTINGS, type LimitPreset, type Settings } from './types.ts';

export interface FieldError {
  field: keyof Settings;
  message: string;
}

/**
 * Parameter counts ts-fsrs accepts: FSRS-6 (21), and FSRS-5 (19) and FSRS-4.5 (17), which it
 * migrates. Anki 24.x exports 19, so a person pasting their Anki parameters is not turned away.
 * The 21 is ts-fsrs's default_w.length; a scheduler test holds the two together.
 */
export const WEIGHT_COUNTS: readonly number[] = [17, 19, 21];

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

const stepsRule = (v: unknown): string | null => {
  if (!Array.isArray(v) || v.length > 20) return `${STEP_HELP} At most 20 steps.`;
  const bad = v.find((x) => typeof x !== 'string' || parseStep(x) === null);
  return bad === undefined ? null : `"${String(bad)}" is not a step. ${STEP_HELP}`;
};

const countRule = (what: string) => (v: unknown) =>
  isCount(v) && v >= 0 ? null : `${what} per day must be a whole number, 0 or more.`;

const oneOf = (what: string, values: readonly string[]) => (v: unknown) =>
  typeof v === 'string' && values.includes(v)
    ? null
    : `${what} must be one of ${values.map((x) => `"${x}"`).join(', ')}.`;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Named presets: each with an id, a name and whole-number limits; ids and names unique. */
const presetsRule = (v: unknown): string | null => {
  if (v === undefined) return null;
  if (!Array.isArray(v) || v.length > 100) return 'Presets must be a list of at most 100.';
  const ids = new Set<string>([DEFAULT_PRESET_ID]);
  const names = new Set<string>(['default']);
  for (const p of v as unknown[]) {
    if (!isObject(p) || typeof p.id !== 'string' || typeof p.name !== 'string')
      return 'Each preset needs an id and a name.';
    const name = p.name.trim();
    if (name === '' || name.length > 60) return 'A preset name must have 1 to 60 characters.';
    if (ids.has(p.id) || names.has(name.toLowerCase()))
      return `The preset name "${name}" is used twice; give each preset its own name.`;
    ids.add(p.id);
    names.add(name.toLowerCase());
    const limits = countRule('New cards')(p.newPerDay) ?? countRule('Reviews')(p.reviewsPerDay);
    if (limits !== null) return `Preset "${name}": ${limits}`;
  }
  return null;
};

const deckPresetsRule = (v: unknown): string | null =>
  v === undefined ||
  (isObject(v) && Object.values(v).every((id) => typeof id === 'string' && id !== ''))
    ? null
    : 'Deck presets must map each deck or folder to a preset id.';

/** A deck's own limits: whole numbers where set; a "today only" limit names its study day. */
const deckLimitsRule = (v: unknown): string | null => {
  if (v === undefined) return null;
  if (!isObject(v)) return 'Deck limits must map each deck or folder to its own limits.';
  for (const [node, o] of Object.entries(v)) {
    if (!isObject(o)) return `The limits of "${node}" must be an object.`;
    const set = (x: unknown, what: string) => (x === undefined ? null : countRule(what)(x));
    const bad =
      set(o.newPerDay, 'New cards') ??
      set(o.reviewsPerDay, 'Reviews') ??
      (o.today === undefined
        ? null
        : !isObject(o.today) || !isCount(o.today.day)
          ? 'A "today only" limit needs the study day it is for.'
          : (set(o.today.newPerDay, 'New cards today') ??
            set(o.today.reviewsPerDay, 'Reviews today')));
    if (bad !== null) return `"${node}": ${bad}`;
  }
  return null;
};

/** One check per field: a sentence that names the field and says what it must be, or null. */
const RULES: { [K in keyof Settings]-?: (v: unknown) => string | null } = {
  desiredRetention: (r) =>
    typeof r === 'number' && r >= 0.7 && r <= 0.99
      ? null
      : 'Desired retention must be a number between 0.70 and 0.99.',
  newPerDay: countRule('New cards'),
  reviewsPerDay: countRule('Reviews'),
  learningSteps: stepsRule,
  relearningSteps: stepsRule,
  maximumInterval: (max) =>
    isCount(max) && max >= 1 && max <= 36_500
      ? null
      : 'The maximum interval must be a whole number of days from 1 to 36500.',
  dayStartHour: (h) =>
    isCount(h) && h >= 0 && h <= 23 ? null : 'The day start must be a whole hour from 0 to 23.',
  enableFuzz: (f) => (typeof f === 'boolean' ? null : 'Fuzz must be on or off.'),
  newCardsIgnoreReviewLimit: (b) =>
    typeof b === 'boolean' ? null : '"New cards ignore review limit" must be on or off.',
  learnAheadMins: (m) =>
    isCount(m) && m >= 0 && m <= 1440
      ? null
      : 'The learn ahead limit must be a whole number of minutes from 0 to 1440.',
  newCardOrder: oneOf('New card order', ['file', 'random']),
  reviewOrder: oneOf('Review order', ['due', 'overdueness', 'random']),
  newReviewMix: oneOf('New/review order', ['mix', 'before', 'after']),
  leechThreshold: (t) =>
    isCount(t) && t >= 1 && t <= 9999
      ? null
      : 'The leech threshold must be a whole number of lapses from 1 to 9999.',
  leechAction: oneOf('Leech action', ['tag', 'suspend']),
  weights: (w) =>
    w === null ||
    w === undefined ||
    (Array.isArray(w) &&
      WEIGHT_COUNTS.includes(w.length) &&
      w.every((x) => typeof x === 'number' && Number.isFinite(x)))
      ? null
      : `FSRS parameters must be ${WEIGHT_COUNTS.join(', ').replace(/, (\d+)$/, ' or $1')} numbers separated by commas, or empty for the defaults.`,
  presets: presetsRule,
  deckPresets: deckPresetsRule,
  deckLimits: deckLimitsRule,
  applyAllParentLimits: (b) =>
    b === undefined || typeof b === 'boolean'
      ? null
      : '"Apply limits from parent" must be on or off.',
};

const OPTIONAL = new Set<keyof Settings>([
  'presets',
  'deckPresets',
  'deckLimits',
  'applyAllParentLimits',
]);

/** The order fields are checked in, so messages come in a steady order. */
const FIELDS = Object.keys(RULES) as (keyof Settings)[];

/** A field's value as kept once its rule passed: steps trimmed, arrays copied. */
function normalise<K extends keyof Settings>(field: K, v: unknown): Settings[K] {
  if (field === 'learningSteps' || field === 'relearningSteps')
    return (v as string[]).map((x) => x.trim()) as Settings[K];
  if (field === 'weights') return (Array.isArray(v) ? [...(v as number[])] : null) as Settings[K];
  if (field === 'presets')
    return (v as LimitPreset[]).map(({ id, name, newPerDay, reviewsPerDay }): LimitPreset => ({
      id,
      name: name.trim(),
      newPerDay,
      reviewsPerDay,
    })) as Settings[K];
  if (field === 'deckPresets') return { ...(v as Record<string, string>) } as Settings[K];
  if (field === 'deckLimits') return structuredClone(v) as Settings[K];
  return v as Settings[K];
}

const asRecord = (input: unknown) =>
  (typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}) as Record<
    string,
    unknown
  >;

/** Checks every field; on success returns a settings object holding only the known fields. */
export function validateSettings(
  input: unknown,
): { ok: true; settings: Settings } | { ok: false; errors: FieldError[] } {
  const v = asRecord(input);
  const errors: FieldError[] = [];
  for (const field of FIELDS) {
    const message = RULES[field](v[field]);
    if (message !== null) errors.push({ field, message });
  }
  if (errors.length > 0) return { ok: false, errors };
  const settings = { ...DEFAULT_SETTINGS };
  for (const field of FIELDS)
    // Presets are optional: settings without them mean everything uses Default.
    if (v[field] !== undefined || !OPTIONAL.has(field))
      (settings as Record<string, unknown>)[field] = normalise(field, v[field]);
  return { ok: true, settings };
}

const LABELS: Record<keyof Settings, string> = {
  desiredRetention: 'desired retention',
  learningSteps: 'learning steps',
  relearningSteps: 'relearning steps',
  maximumInterval: 'maximum interval',
  enableFuzz: 'fuzz',
  newCardsIgnoreReviewLimit: 'new cards ignore review limit',
  learnAheadMins: 'learn ahead limit',
  newCardOrder: 'new card order',
  reviewOrder: 'review order',
  newReviewMix: 'new/review order',
  leechThreshold: 'leech threshold',
  leechAction: 'leech action',
  newPerDay: 'new cards per day',
  reviewsPerDay: 'reviews per day',
  dayStartHour: 'day start hour',
  weights: 'FSRS parameters',
  presets: 'presets',
  deckPresets: 'deck presets',
  deckLimits: 'deck limits',
  applyAllParentLimits: 'apply limits from parent',
};

const shown = (v: unknown): string => {
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = String(v);
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

/**
 * Settings from somewhere Recall did not check (a stored record, a backup): each field missing
 * takes its default quietly, each field whose value breaks its rule takes its default with a
 * sentence naming the field, so no impossible value ever reaches the scheduler or storage.
 * `source` begins each sentence ("The stored", "The backup's").
 */
export function repairSettings(
  input: unknown,
  source: string,
): { settings: Settings; problems: FieldError[] } {
  const v = asRecord(input);
  const settings = { ...DEFAULT_SETTINGS };
  const problems: FieldError[] = [];
  for (const field of FIELDS) {
    const value = v[field];
    if (value === undefined) continue;
    const message = RULES[field](value);
    if (message === null) {
      (settings as Record<string, unknown>)[field] = normalise(field, value);
      continue;
    }
    problems.push({
      field,
      message: `${source} ${LABELS[field]} setting (${shown(value)}) cannot be used, so the default (${shown(DEFAULT_SETTINGS[field])}) applies instead. ${message}`,
    });
  }
  return { settings, problems };
}
