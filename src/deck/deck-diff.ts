// What changes when a deck is read again (a file opened again, a bundled deck of a new app
// version): cards added, removed, whose answer changed, and questions that look edited — a card
// that disappeared and a new one whose question is very similar (a typo fix, a reworded word), so
// the person can carry the old card's progress over (issue 13). Pure: no storage, no clock.
import type { CardId } from '../shared/types.ts';
import { hashText, normaliseQuestion } from './card-id.ts';

/** What the diff needs of a card: a full Card, or a stored snapshot of one (answer as a hash). */
export interface DiffCard {
  id: CardId;
  question: string;
  answer?: string;
  answerHash?: string;
}

/** A card as a snapshot keeps it (storage/deck-snapshots.ts): enough to diff against later. */
export interface SnapshotCard {
  id: CardId;
  question: string;
  answerHash: string;
}

export interface EditedPair<P extends DiffCard, N extends DiffCard> {
  prev: P;
  next: N;
  /** 0–1, see questionSimilarity; at least EDIT_SIMILARITY. */
  similarity: number;
  answerChanged: boolean;
}

export interface DeckDiff<P extends DiffCard, N extends DiffCard> {
  /** New cards that are not the edited form of a removed one, in the new deck's order. */
  added: N[];
  /** Cards gone that are not paired with an added one, in the old deck's order. */
  removed: P[];
  /** Same id (same question), different answer. */
  answerChanged: { prev: P; next: N }[];
  /** A removed card and an added card whose questions are very similar. */
  edited: EditedPair<P, N>[];
  /** Cards with the same id and answer (moving a card in the file is no change). */
  unchanged: number;
}

/**
 * Two questions at least this similar look like one question edited. 0.8 lets through a typo fix
 * of up to one character in five ("What is entorpy?" → "What is entropy?": 0.875) and one word of
 * five reworded (token overlap 0.8), and keeps apart short questions that differ in their point
 * ("What is precision?" / "What is recall?": 0.67; "What is a tensor?" / "What is entropy?": 0.59). It only proposes: the person sees every pair
 * and can untick it.
 */
export const EDIT_SIMILARITY = 0.8;

/**
 * Beyond this many removed × added pairs, only likely candidates are compared: the added cards at
 * about the same place between the same unchanged cards, and those sharing a rare word. Below it
 * every pair is compared (a few hundred edits at most).
 */
const ALL_PAIRS_BUDGET = 250_000;
/**
 * The most similar added cards kept per removed card for the one-to-one pairing: enough when its
 * best match is taken by another removed card, few enough to stop comparing early.
 */
const TOP_PAIRS = 2;
/** Added cards each side of a removed card's place in its gap that are compared with it. */
const GAP_WINDOW = 2;
/** A word in more than this many added questions is not a useful hint of an edit. */
const RARE_WORD = 24;

export function answerHashOf(card: DiffCard): string {
  return card.answerHash ?? hashText(card.answer ?? '');
}

/** Plain text compared when both sides have it (hashing 10,000 answers costs more than a diff). */
function sameAnswer(a: DiffCard, b: DiffCard): boolean {
  if (a.answer !== undefined && b.answer !== undefined) return a.answer === b.answer;
  return answerHashOf(a) === answerHashOf(b);
}

export function snapshotCard(card: { id: CardId; question: string; answer: string }): SnapshotCard {
  return { id: card.id, question: card.question, answerHash: hashText(card.answer) };
}

export function hasChanges(diff: DeckDiff<DiffCard, DiffCard>): boolean {
  return (
    diff.added.length + diff.removed.length + diff.answerChanged.length + diff.edited.length > 0
  );
}

interface Prepared {
  text: string;
  tokens: string[];
}

function prepare(question: string): Prepared {
  const text = normaliseQuestion(question).toLowerCase();
  // Sorted, so two questions' shared words are counted by one merge, without a map per pair.
  return { text, tokens: (text.match(/[\p{L}\p{N}]+/gu) ?? []).sort() };
}

/**
 * How alike two questions are, 0–1: the better of their characters' edit distance
 * (1 − distance / longer length) and their words' overlap (Dice: 2 × shared / total), both after
 * the id's normalisation and lower-casing. Below `floor` it may answer any value below `floor`
 * (it stops counting early).
 */
export function questionSimilarity(a: string, b: string, floor = 0): number {
  return similarity(prepare(a), prepare(b), floor);
}

function similarity(a: Prepared, b: Prepared, floor: number): number {
  if (a.text === b.text) return 1;
  const longer = Math.max(a.text.length, b.text.length);
  const words = dice(a.tokens, b.tokens);
  // The characters can do no better than the shorter length over the longer.
  const charBound = longer === 0 ? 1 : Math.min(a.text.length, b.text.length) / longer;
  if (charBound <= words || charBound < floor) return words;
  const limit = Math.floor((1 - Math.max(floor, words)) * longer);
  const distance = boundedLevenshtein(a.text, b.text, limit);
  const chars = distance > limit ? 0 : 1 - distance / longer;
  return Math.max(chars, words);
}

/** Dice's coefficient of two word multisets, each sorted. */
function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 1;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  return (2 * shared) / (a.length + b.length);
}

let rowA = new Int32Array(256);
let rowB = new Int32Array(256);

/** The edit distance of a and b, or `limit + 1` as soon as it is known to exceed `limit`. */
export function boundedLevenshtein(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length > b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  const big = limit + 1;
  // Two rows reused from call to call: a diff makes hundreds of thousands of these calls.
  if (rowA.length <= n) {
    rowA = new Int32Array(2 * (n + 1));
    rowB = new Int32Array(2 * (n + 1));
  }
  let prev = rowA;
  let cur = rowB;
  for (let i = 0; i <= n; i++) prev[i] = i <= limit ? i : big;
  for (let j = 1; j <= m; j++) {
    // Only cells within `limit` of the diagonal can stay within the limit.
    const lo = Math.max(1, j - limit);
    const hi = Math.min(n, j + limit);
    cur[0] = j <= limit ? j : big;
    if (lo > 1) cur[lo - 1] = big;
    let rowMin = cur[0]!;
    const bc = b.charCodeAt(j - 1);
    for (let i = lo; i <= hi; i++) {
      const cost = a.charCodeAt(i - 1) === bc ? 0 : 1;
      const v = Math.min(prev[i - 1]! + cost, prev[i]! + 1, cur[i - 1]! + 1);
      cur[i] = v > big ? big : v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < n) cur[hi + 1] = big;
    if (rowMin > limit) return big;
    const done = prev;
    prev = cur;
    cur = done;
  }
  return Math.min(prev[n]!, big);
}

/**
 * Compares the cards of a deck before (`prev`) and after (`next`). Each edited pair is one
 * removed and one added card, paired greedily, most similar first (then nearest in the file).
 */
export function diffDecks<P extends DiffCard, N extends DiffCard>(
  prev: readonly P[],
  next: readonly N[],
): DeckDiff<P, N> {
  const prevById = new Map<CardId, P>();
  for (const c of prev) if (!prevById.has(c.id)) prevById.set(c.id, c);
  const nextIds = new Set(next.map((c) => c.id));
  const answerChanged: { prev: P; next: N }[] = [];
  const addedAll: N[] = [];
  let unchanged = 0;
  const seen = new Set<CardId>();
  for (const c of next) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const before = prevById.get(c.id);
    if (!before) addedAll.push(c);
    else if (sameAnswer(before, c)) unchanged += 1;
    else answerChanged.push({ prev: before, next: c });
  }
  const removedAll = [...prevById.values()].filter((c) => !nextIds.has(c.id));

  const pairs =
    removedAll.length && addedAll.length ? editedPairs(prev, next, removedAll, addedAll) : [];
  const pairedPrev = new Set(pairs.map((p) => p.prev.id));
  const pairedNext = new Set(pairs.map((p) => p.next.id));
  return {
    added: addedAll.filter((c) => !pairedNext.has(c.id)),
    removed: removedAll.filter((c) => !pairedPrev.has(c.id)),
    answerChanged,
    edited: pairs,
    unchanged,
  };
}

function editedPairs<P extends DiffCard, N extends DiffCard>(
  prev: readonly P[],
  next: readonly N[],
  removed: readonly P[],
  added: readonly N[],
): EditedPair<P, N>[] {
  const rp = removed.map((c) => prepare(c.question));
  const ap = added.map((c) => prepare(c.question));
  const candidates =
    removed.length * added.length <= ALL_PAIRS_BUDGET
      ? null
      : likelyCandidates(prev, next, removed, added, rp, ap);

  // Where each card sits among the removed (or added) ones: ties go to the nearer pair.
  const found: { r: number; a: number; similarity: number }[] = [];
  for (let r = 0; r < removed.length; r++) {
    const list = candidates ? candidates[r]! : null;
    const count = list ? list.length : added.length;
    // Each removed card keeps its TOP_PAIRS best: once it has them, a candidate must beat the
    // worst of them, so the edit distance stops counting much earlier.
    const best: { r: number; a: number; similarity: number }[] = [];
    for (let k = 0; k < count; k++) {
      const a = list ? list[k]! : k;
      const floor =
        best.length < TOP_PAIRS
          ? EDIT_SIMILARITY
          : Math.max(EDIT_SIMILARITY, best.at(-1)!.similarity);
      const s = similarity(rp[r]!, ap[a]!, floor);
      if (s < floor || (best.length === TOP_PAIRS && s === floor)) continue;
      best.push({ r, a, similarity: s });
      best.sort((x, y) => y.similarity - x.similarity);
      if (best.length > TOP_PAIRS) best.pop();
    }
    for (const b of best) found.push(b);
  }
  const rel = (r: number, a: number) =>
    Math.abs(r / Math.max(1, removed.length) - a / Math.max(1, added.length));
  found.sort((x, y) => y.similarity - x.similarity || rel(x.r, x.a) - rel(y.r, y.a) || x.r - y.r);
  const usedR = new Set<number>();
  const usedA = new Set<number>();
  const pairs: EditedPair<P, N>[] = [];
  for (const f of found) {
    if (usedR.has(f.r) || usedA.has(f.a)) continue;
    usedR.add(f.r);
    usedA.add(f.a);
    const p = removed[f.r]!;
    const n = added[f.a]!;
    pairs.push({
      prev: p,
      next: n,
      similarity: f.similarity,
      answerChanged: !sameAnswer(p, n),
    });
  }
  // In the new deck's order, as the person reads the file.
  const order = new Map(next.map((c, i) => [c.id, i]));
  return pairs.sort((x, y) => order.get(x.next.id)! - order.get(y.next.id)!);
}

/**
 * For each removed card, the indexes of added cards worth comparing with it: those in the same
 * gap between unchanged cards at about the same place, and those sharing a rare word.
 */
function likelyCandidates(
  prev: readonly DiffCard[],
  next: readonly DiffCard[],
  removed: readonly DiffCard[],
  added: readonly DiffCard[],
  rp: readonly Prepared[],
  ap: readonly Prepared[],
): number[][] {
  const prevIds = new Set(prev.map((c) => c.id));
  const nextIds = new Set(next.map((c) => c.id));
  const addedIndex = new Map(added.map((c, i) => [c.id, i]));
  const removedIndex = new Map(removed.map((c, i) => [c.id, i]));
  // Gap: the id of the last card kept before it (in its own file), '' at the start.
  const gapsOf = (cards: readonly DiffCard[], kept: Set<CardId>, index: Map<CardId, number>) => {
    const gaps = new Map<string, number[]>();
    let gap = '';
    for (const c of cards) {
      if (kept.has(c.id)) gap = c.id;
      else {
        const i = index.get(c.id);
        if (i === undefined) continue;
        let list = gaps.get(gap);
        if (!list) gaps.set(gap, (list = []));
        if (list[list.length - 1] !== i) list.push(i);
      }
    }
    return gaps;
  };
  const removedGaps = gapsOf(prev, nextIds, removedIndex);
  const addedGaps = gapsOf(next, prevIds, addedIndex);

  const out: Set<number>[] = removed.map(() => new Set<number>());
  for (const [gap, rs] of removedGaps) {
    const as = addedGaps.get(gap);
    if (!as) continue;
    rs.forEach((r, pos) => {
      const centre = Math.round(((pos + 0.5) * as.length) / rs.length - 0.5);
      // The place itself first: it is the likeliest pair, and raises the bar for the rest.
      for (let d = 0; d <= 2 * GAP_WINDOW; d++) {
        const a = as[centre + (d % 2 === 0 ? d / 2 : -(d + 1) / 2)];
        if (a !== undefined) out[r]!.add(a);
      }
    });
  }

  const byWord = new Map<string, number[]>();
  ap.forEach((p, a) => {
    for (const t of new Set(p.tokens)) {
      let list = byWord.get(t);
      if (!list) byWord.set(t, (list = []));
      if (list.length <= RARE_WORD) list.push(a);
    }
  });
  rp.forEach((p, r) => {
    for (const t of new Set(p.tokens)) {
      const list = byWord.get(t);
      if (list && list.length <= RARE_WORD) for (const a of list) out[r]!.add(a);
    }
  });
  return out.map((s) => [...s]);
}
