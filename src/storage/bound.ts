// Limits on what a backup may bring in beyond the fields Recall knows. Unknown fields are kept
// (a newer version may have written them), but only while they are small and shallow: a field
// nested thousands deep cannot be stored by the browser, and a 10 MB junk field would be copied
// into every later backup.

import { SCHED_COUNTS } from './validate.ts';

/** Largest unknown field kept, in characters of its JSON. */
export const UNKNOWN_FIELD_MAX_CHARS = 4096;
/** Deepest unknown field kept: objects and arrays inside one another. */
export const UNKNOWN_FIELD_MAX_DEPTH = 16;

const SCHED_FIELDS = ['phase', 'due', ...SCHED_COUNTS, 'lastReview'];
const KNOWN = {
  card: new Set(['cardId', 'deckId', 'sched', 'suspended', 'lastLogId', 'updatedAt']),
  log: new Set([
    'id',
    'cardId',
    'deckId',
    'kind',
    'rating',
    'time',
    'durationMs',
    'before',
    'after',
  ]),
  sched: new Set(SCHED_FIELDS),
};
const NESTED: Record<'card' | 'log', string[]> = { card: ['sched'], log: ['before', 'after'] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether a JSON value stays within both limits. Walks with an explicit stack and stops as soon
 * as a limit is passed, so a hostile value costs no more than the limits allow.
 */
export function withinLimits(
  value: unknown,
  maxChars = UNKNOWN_FIELD_MAX_CHARS,
  maxDepth = UNKNOWN_FIELD_MAX_DEPTH,
): boolean {
  let chars = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') chars += v.length + 2;
    else if (typeof v !== 'object' || v === null) chars += String(v).length;
    else {
      if (depth >= maxDepth) return false;
      chars += 2;
      if (Array.isArray(v)) for (const x of v) stack.push([x, depth + 1]);
      else
        for (const [k, x] of Object.entries(v)) {
          chars += k.length + 3;
          stack.push([x, depth + 1]);
        }
    }
    if (chars > maxChars) return false;
  }
  return true;
}

function dropOversized(v: Obj, known: ReadonlySet<string>, dropped: string[], at: string): Obj {
  let out: Obj | null = null;
  for (const [k, x] of Object.entries(v)) {
    if (known.has(k) || withinLimits(x)) continue;
    out ??= { ...v };
    delete out[k];
    dropped.push(`${at}${k}`);
  }
  return out ?? v;
}

/**
 * A card state or log entry with its oversized unknown fields removed (also inside its
 * scheduling fields), and the names of the fields removed.
 */
export function boundUnknownFields(
  kind: 'card' | 'log',
  value: unknown,
): { value: unknown; dropped: string[] } {
  if (!isObj(value)) return { value, dropped: [] };
  const dropped: string[] = [];
  const out = dropOversized(value, KNOWN[kind], dropped, '');
  let copy: Obj | null = out === value ? null : out;
  for (const field of NESTED[kind]) {
    const inner = out[field];
    if (!isObj(inner)) continue;
    const bounded = dropOversized(inner, KNOWN.sched, dropped, `${field}.`);
    if (bounded !== inner) {
      copy ??= { ...out };
      copy[field] = bounded;
    }
  }
  return { value: copy ?? out, dropped };
}
