// Distributions of the cards' memory states and the answer buttons, as Anki's intervals.rs
// (stability), eases.rs (difficulty), retrievability.rs and buttons.rs compute them. Orphans (progress
// whose question is gone) are left out of the card figures; their answers still count in the
// buttons, as in every figure read from the log (today, calendar, reviews, retention).
import { RATINGS, type CardState } from '../shared/types.ts';
import { cardIdsOf } from './card-scope.ts';
import { logColumns, REVIEW_TYPE } from './log-columns.ts';
import { MATURE_DAYS } from './card-counts.ts';
import { currentRetrievability, forgettingCurve } from './retrievability.ts';
import type { StudyDays } from './study-days.ts';
import type {
  ButtonCounts,
  ButtonStats,
  DistributionStats,
  HardCard,
  Histogram,
  HistogramBin,
  StatsInput,
} from './types.ts';

/** Windows of the button breakdown in study days (today included); null is the whole log. */
export const BUTTON_RANGES: readonly (number | null)[] = [30, 90, 365, null];
export const HARD_CARDS = 10;
/** Bars a stability histogram aims at: readable at 360 px. */
const STABILITY_BINS = 20;
/** Difficulty and retrievability: 5-point bins from 0 to 100 %. */
const PERCENT_STEP = 5;

export function distributionStats(input: StatsInput, days: StudyDays): DistributionStats {
  const ids = cardIdsOf(input.cards);
  const curve = forgettingCurve(input.weights);
  const stability: number[] = [];
  const difficulty: number[] = [];
  const retrievability: number[] = [];
  let knownNow = 0;
  const mostLapses: HardCard[] = [];
  const lowest: HardCard[] = [];
  for (const state of input.states.values()) {
    if (!ids.has(state.cardId)) continue;
    const { sched } = state;
    const r = currentRetrievability(sched, input.now, curve);
    if (r !== null) {
      knownNow += r;
      retrievability.push(r * 100);
      difficulty.push(Math.min(100, Math.max(0, ((sched.difficulty - 1) / 9) * 100)));
      if (sched.phase === 'review' || sched.phase === 'relearning') stability.push(sched.stability);
      if (mayEnter(lowest, (last) => r <= last.retrievability))
        insertTop(lowest, hardCard(state, r), byRetrievability);
    }
    if (sched.lapses > 0 && mayEnter(mostLapses, (last) => sched.lapses >= last.lapses))
      insertTop(mostLapses, hardCard(state, r ?? 0), byLapses);
  }
  return {
    stability: stabilityHistogram(stability),
    difficulty: percentHistogram(difficulty),
    retrievability: percentHistogram(retrievability),
    knownNow,
    buttons: buttonStats(input, days),
    mostLapses,
    lowestRetrievability: lowest,
  };
}

// ---- Hardest cards: a sorted list of at most HARD_CARDS, kept while passing over the states ----

type Order = (a: HardCard, b: HardCard) => number;

const byId = (a: HardCard, b: HardCard) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0);
/** Most lapses first; ties: the card least likely to be recalled now. */
const byLapses: Order = (a, b) =>
  b.lapses - a.lapses || a.retrievability - b.retrievability || byId(a, b);
/** Least likely to be recalled first; ties: more lapses. */
const byRetrievability: Order = (a, b) =>
  a.retrievability - b.retrievability || b.lapses - a.lapses || byId(a, b);

function hardCard(state: CardState, retrievability: number): HardCard {
  return {
    cardId: state.cardId,
    deckId: state.deckId,
    lapses: state.sched.lapses,
    retrievability,
  };
}

/** A cheap first test, so most cards are turned away without building their entry. */
function mayEnter(top: HardCard[], beatsLast: (last: HardCard) => boolean): boolean {
  return top.length < HARD_CARDS || beatsLast(top[HARD_CARDS - 1]!);
}

function insertTop(top: HardCard[], card: HardCard, order: Order): void {
  if (top.length === HARD_CARDS && order(card, top[HARD_CARDS - 1]!) >= 0) return;
  let i = top.length;
  while (i > 0 && order(card, top[i - 1]!) < 0) i--;
  top.splice(i, 0, card);
  if (top.length > HARD_CARDS) top.pop();
}

// ---- Answer buttons ----

const zeroButtons = (): ButtonCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0 });

/**
 * Buttons pressed, grouped as Anki's buttons.rs: learning (the card was new, learning or
 * relearning before the answer), young and mature (a review card whose interval before the
 * answer was under 21 days, or not). Resets and suspensions have no button and never count.
 */
function buttonStats(input: StatsInput, days: StudyDays): ButtonStats[] {
  // The windows nest (30 ⊂ 90 ⊂ 365 ⊂ all): count each answer once, in the narrowest window that
  // holds it, and add the narrower windows into the wider ones at the end.
  const from = BUTTON_RANGES.map((range) => (range === null ? -Infinity : days.start(1 - range)));
  const narrowest = new Float64Array(BUTTON_RANGES.length * GROUPS.length * 4);
  const { length, time, rating, type, lastIvl } = logColumns(input.log);
  for (let i = 0; i < length; i++) {
    const r = rating[i]!;
    if (r === 0) continue; // not an answer
    const group = type[i] !== REVIEW_TYPE ? 0 : lastIvl[i]! < MATURE_DAYS ? 1 : 2;
    const t = time[i]!;
    let w = 0;
    while (t < from[w]!) w++;
    narrowest[(w * GROUPS.length + group) * 4 + r - 1]!++;
  }
  const cumulative = zeroButtonCells();
  return BUTTON_RANGES.map((range, w) => {
    const stats: ButtonStats = {
      range,
      learning: zeroButtons(),
      young: zeroButtons(),
      mature: zeroButtons(),
    };
    GROUPS.forEach((group, g) => {
      for (const rating of RATINGS) {
        const cell = g * 4 + rating - 1;
        cumulative[cell]! += narrowest[(w * GROUPS.length + g) * 4 + rating - 1]!;
        stats[group][rating] = cumulative[cell]!;
      }
    });
    return stats;
  });
}

const GROUPS = ['learning', 'young', 'mature'] as const;
const zeroButtonCells = () => new Float64Array(GROUPS.length * 4);

// ---- Histograms ----

function summary(sorted: Float64Array): Pick<Histogram, 'total' | 'median' | 'mean'> {
  const n = sorted.length;
  if (n === 0) return { total: 0, median: null, mean: null };
  let sum = 0;
  for (const v of sorted) sum += v;
  const mid = n >> 1;
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { total: n, median, mean: sum / n };
}

/** 0–100 in 5-point bins; 100 itself falls in the last bin. No bins without cards at all. */
function percentHistogram(values: number[]): Histogram {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return { bins: [], ...summary(sorted) };
  const bins: HistogramBin[] = [];
  for (let from = 0; from < 100; from += PERCENT_STEP)
    bins.push({ from, to: from + PERCENT_STEP, count: 0 });
  for (const v of sorted) bins[Math.min(bins.length - 1, Math.floor(v / PERCENT_STEP))]!.count++;
  return { bins, ...summary(sorted) };
}

/**
 * Stability in days, rounded to whole days as Anki shows it, in bins of 1, 2, 5, 10, 20… days from
 * the smallest value up to the 95th percentile (Anki's default range), about STABILITY_BINS bars.
 * Anki drops the cards past the 95th percentile from the drawing; here they gather in one last bin
 * that runs to the largest value, so the bars add up to the total. Median and mean are of the
 * unrounded values.
 */
function stabilityHistogram(values: number[]): Histogram {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return { bins: [], ...summary(sorted) };
  const rounded = sorted.map(Math.round);
  const lowest = rounded[0]!;
  const top = Math.max(lowest, Math.ceil(quantile(rounded, 0.95)));
  const step = niceStep((top - lowest + 1) / STABILITY_BINS);
  const first = Math.floor(lowest / step) * step;
  const count = Math.floor((top - first) / step) + 1;
  const bins: HistogramBin[] = Array.from({ length: count }, (_, i) => ({
    from: first + i * step,
    to: first + (i + 1) * step,
    count: 0,
  }));
  const end = first + count * step;
  const largest = rounded[n - 1]!;
  const overflow: HistogramBin = { from: end, to: largest + 1, count: 0 };
  for (const v of rounded) {
    const i = Math.floor((v - first) / step);
    if (i < count) bins[i]!.count++;
    else overflow.count++;
  }
  if (overflow.count > 0) bins.push(overflow);
  return { bins, ...summary(sorted) };
}

/** Linear interpolation between the closest ranks, as d3's quantile. */
function quantile(sorted: Float64Array, p: number): number {
  const at = (sorted.length - 1) * p;
  const below = Math.floor(at);
  const lo = sorted[below]!;
  const hi = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lo + (hi - lo) * (at - below);
}

/** The smallest of 1, 2, 5, 10, 20, 50… that is at least `x` (and at least 1). */
function niceStep(x: number): number {
  if (x <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * power >= x) return m * power;
  return 10 * power;
}
