// Daily limits per deck, as Anki keeps them (rslib/src/decks/limits.rs LimitTreeMap): every deck
// and every folder above it (a folder is a parent deck) has the limits of its preset, less what
// was done today in it and below it (decks/stats.rs: a "done today" count goes to the deck and
// its parents). Studying a deck or folder, a card is taken only while its deck and every parent up
// to the studied one have room left, and taking it lowers them all: a child is capped at its
// parent and decrements pass up. Parents above the studied deck do not count unless "apply all
// parent limits" is on (Anki's apply_all_parent_limits). A deck or folder may have its own limits
// ("This deck", "Today only") over its preset's (decks/limits.rs current_new_limit,
// current_review_limit). Pure: no clock, no storage.
import type { CardId, DeckId, LimitPreset, ReviewLogEntry, Settings } from '../shared/types.ts';
import { DEFAULT_PRESET_ID } from '../shared/types.ts';

export interface TodayUsage {
  newIntroduced: number;
  reviewsDone: number;
}

export interface RemainingLimits {
  review: number;
  new: number;
  /** New is capped to what is left of the review limit (Anki's cap_new_to_review). */
  capNewToReview: boolean;
}

/**
 * What is left of today's limits (decks/limits.rs new_for_normal_deck_v3): the review limit less
 * the reviews done and, unless new cards ignore it, less the new cards done too; the new limit
 * less the new cards done, and then no more than what is left of the review limit.
 */
export function remainingLimits(
  usage: TodayUsage,
  limits: Pick<Settings, 'newPerDay' | 'reviewsPerDay' | 'newCardsIgnoreReviewLimit'>,
): RemainingLimits {
  let review = limits.reviewsPerDay - usage.reviewsDone;
  let fresh = limits.newPerDay - usage.newIntroduced;
  const capNewToReview = !limits.newCardsIgnoreReviewLimit;
  if (capNewToReview) {
    review -= usage.newIntroduced;
    fresh = Math.min(fresh, review);
  }
  return { review: Math.max(0, review), new: Math.max(0, fresh), capNewToReview };
}

/** The Default preset: the limits stored in Settings itself, as before presets existed. */
export function defaultPreset(settings: Settings): LimitPreset {
  return {
    id: DEFAULT_PRESET_ID,
    name: 'Default',
    newPerDay: settings.newPerDay,
    reviewsPerDay: settings.reviewsPerDay,
  };
}

/** Default first, then the named presets in their stored order. */
export function allPresets(settings: Settings): LimitPreset[] {
  return [defaultPreset(settings), ...(settings.presets ?? [])];
}

/** The preset a deck or folder uses (deckconfig: a deck's config id); Default if none or gone. */
export function presetOf(settings: Settings, node: string): LimitPreset {
  const id = settings.deckPresets?.[node];
  return (
    (id !== undefined && settings.presets?.find((p) => p.id === id)) || defaultPreset(settings)
  );
}

/** Where a node's limit comes from: its preset, its own "This deck" limit, or "Today only". */
export type LimitSource = 'preset' | 'deck' | 'today';

export interface NodeLimits {
  newPerDay: number;
  reviewsPerDay: number;
  newFrom: LimitSource;
  reviewsFrom: LimitSource;
}

/**
 * A deck's or folder's limits on study day `day` (decks/limits.rs NormalDeck::current_new_limit
 * and current_review_limit): today's own limit if set for this day, else its own limit, else its
 * preset's; new and review each on their own.
 */
export function limitsOf(settings: Settings, node: string, day: number | undefined): NodeLimits {
  const preset = presetOf(settings, node);
  const own = settings.deckLimits?.[node];
  const today = own?.today && day !== undefined && own.today.day === day ? own.today : undefined;
  const pick = (kind: 'newPerDay' | 'reviewsPerDay'): [number, LimitSource] =>
    today?.[kind] !== undefined
      ? [today[kind], 'today']
      : own?.[kind] !== undefined
        ? [own[kind], 'deck']
        : [preset[kind], 'preset'];
  const [newPerDay, newFrom] = pick('newPerDay');
  const [reviewsPerDay, reviewsFrom] = pick('reviewsPerDay');
  return { newPerDay, reviewsPerDay, newFrom, reviewsFrom };
}

/** The folders above a deck path, nearest first: 'a/b/c.md' → ['a/b', 'a']. */
export function parentFolders(path: string): string[] {
  const out: string[] = [];
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1))
    out.push(path.slice(0, i));
  return out;
}

/**
 * The deck or folder being studied: one deck is itself; several decks are the deepest folder
 * holding them all ('' when they share none: the collection, which has no limit of its own).
 */
export function studyRoot(paths: Iterable<string>): string {
  const unique = [...new Set(paths)];
  if (unique.length === 1) return unique[0]!;
  if (unique.length === 0) return '';
  let common = unique[0]!.split('/').slice(0, -1);
  for (const p of unique.slice(1)) {
    const parts = p.split('/').slice(0, -1);
    let n = 0;
    while (n < common.length && n < parts.length && common[n] === parts[n]) n++;
    common = common.slice(0, n);
  }
  return common.join('/');
}

interface Node {
  review: number;
  new: number;
}

export type LimitKind = 'new' | 'review';

export interface LimitTree {
  /** Whether a card of the deck at `path` may be taken: it and its parents have room left. */
  canTake(path: string, kind: LimitKind): boolean;
  /** Takes one: the deck and its parents up to the studied one each have one fewer left. */
  take(path: string, kind: LimitKind): void;
}

/** Today's done counts per deck path, from entries already limited to today. */
export type DoneByDeck = ReadonlyMap<string, TodayUsage>;

/**
 * The limit tree for studying `root` on study day `day` (for "today only" limits). `done` holds
 * today's counts per deck path; they are added up the folders here. A deck path of '' stands for
 * "no deck known" (one node, the Default preset), which is how a queue without deck paths keeps
 * its single global limit.
 */
export function limitTree(
  settings: Settings,
  root: string,
  done: DoneByDeck,
  day?: number,
): LimitTree {
  const subtree = new Map<string, TodayUsage>();
  for (const [path, u] of done)
    for (const node of path === '' ? [''] : [path, ...parentFolders(path)]) {
      const s = subtree.get(node) ?? { newIntroduced: 0, reviewsDone: 0 };
      s.newIntroduced += u.newIntroduced;
      s.reviewsDone += u.reviewsDone;
      subtree.set(node, s);
    }
  const nodes = new Map<string, Node>();
  const nodeOf = (name: string): Node => {
    let n = nodes.get(name);
    if (!n) {
      const own = limitsOf(settings, name, day);
      const left = remainingLimits(subtree.get(name) ?? { newIntroduced: 0, reviewsDone: 0 }, {
        newPerDay: own.newPerDay,
        reviewsPerDay: own.reviewsPerDay,
        newCardsIgnoreReviewLimit: settings.newCardsIgnoreReviewLimit,
      });
      nodes.set(name, (n = { review: left.review, new: left.new }));
    }
    return n;
  };
  const inside = (name: string) =>
    settings.applyAllParentLimits === true ||
    root === '' ||
    name === root ||
    name.startsWith(`${root}/`);
  const chains = new Map<string, Node[]>();
  const chain = (path: string): Node[] => {
    let c = chains.get(path);
    if (!c) {
      const names = path === '' ? [''] : [path, ...parentFolders(path)].filter(inside);
      chains.set(path, (c = names.map(nodeOf)));
    }
    return c;
  };
  const cap = !settings.newCardsIgnoreReviewLimit;
  return {
    canTake: (path, kind) => chain(path).every((n) => n[kind] > 0),
    take(path, kind) {
      for (const n of chain(path)) {
        n[kind] -= 1;
        // A review taken leaves less room for new cards too (cap_new_to_review).
        if (kind === 'review' && cap) n.new = Math.min(n.new, n.review);
      }
    },
  };
}

/** Adds one entry's counts to its deck's usage: `introduced` holds cards counted as new once. */
export function countDone(
  done: Map<string, TodayUsage>,
  path: string,
  kind: LimitKind,
): Map<string, TodayUsage> {
  const u = done.get(path) ?? { newIntroduced: 0, reviewsDone: 0 };
  if (kind === 'new') u.newIntroduced += 1;
  else u.reviewsDone += 1;
  done.set(path, u);
  return done;
}

/** Today's done counts per deck: `classify` says what an entry counted as, or null. */
export function doneByDeck(
  todayLog: readonly ReviewLogEntry[],
  pathOf: (deckId: DeckId) => string | undefined,
  classify: (e: ReviewLogEntry, introduced: Set<CardId>) => LimitKind | null,
): Map<string, TodayUsage> {
  const done = new Map<string, TodayUsage>();
  const introduced = new Set<CardId>();
  for (const e of todayLog) {
    const kind = classify(e, introduced);
    if (kind === null) continue;
    // The deck it was answered in, as Anki counts studied-today on the deck (decks/stats.rs).
    const path = pathOf(e.deckId);
    if (path !== undefined) countDone(done, path, kind);
  }
  return done;
}
