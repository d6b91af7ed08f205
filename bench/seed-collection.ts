// Builds a realistic collection (card states and their review log, through the real scheduler)
// and writes it into the app's IndexedDB store from inside a page, in chunks.
import type { Page } from 'playwright-core';
import { reviewEntry } from '../src/scheduler/actions.ts';
import type { Card, CardState, Rating, ReviewLogEntry } from '../src/shared/types.ts';
import { DEFAULT_SETTINGS } from '../src/shared/types.ts';

const DAY = 86_400_000;

/** `n` cards of one deck, as the loader would give them. */
export function benchCards(n: number, deckId = 'bench'): Card[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${deckId}:${i}`,
    deckId,
    question: `Q${i}`,
    answer: 'A',
    line: i + 1,
    section: [],
    index: i,
  }));
}

/** A deterministic pseudo-random source, so every run stores the same collection. */
export function lcg(seed = 42): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Answers cards from the start of the deck, up to 12 answers each over the last two and a half
 * years, until `entries` log entries exist. Most cards end up due later; some are due today.
 */
export function buildCollection(
  cards: Card[],
  entries: number,
  now: number,
): { states: CardState[]; log: ReviewLogEntry[] } {
  const random = lcg();
  const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
  const perCard = 16;
  const states: CardState[] = [];
  const log: ReviewLogEntry[] = [];
  for (let i = 0; i < cards.length && log.length < entries; i++) {
    const card = cards[i]!;
    let state: CardState | undefined;
    let t = now - 900 * DAY + Math.floor(random() * 60 * DAY);
    for (let k = 0; k < perCard && log.length < entries; k++) {
      const r = random();
      const rating: Rating = r < 0.1 ? 1 : r < 0.2 ? 2 : r < 0.9 ? 3 : 4;
      const result = reviewEntry({
        card,
        state,
        rating,
        now: t,
        durationMs: 4000,
        settings,
        random,
      });
      log.push(result.entry);
      state = result.state;
      // The next answer comes when the card is due, a little early or late; none in the future.
      const gap = Math.max(60_000, (state.sched.due - t) * (0.8 + random() * 0.6));
      if (t + gap >= now) break;
      t += gap;
    }
    if (state) states.push(state);
  }
  return { states, log };
}

export async function seedCollection(
  page: Page,
  cards: Card[],
  entries: number,
  now: number,
): Promise<void> {
  const { states, log } = buildCollection(cards, entries, now);
  await storeProgress(page, states, log);
}

/** Writes card states and log entries into the app's IndexedDB store from inside a page. */
export async function storeProgress(
  page: Page,
  states: readonly CardState[],
  log: readonly ReviewLogEntry[],
): Promise<void> {
  const records: [string, unknown][] = [
    ...states.map((s): [string, unknown] => [`card:${s.cardId}`, s]),
    ...log.map((e): [string, unknown] => [`log:${e.id}`, e]),
  ];
  for (let i = 0; i < records.length; i += 5000) {
    const chunk = records.slice(i, i + 5000);
    await page.evaluate(
      (rows) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('recall');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('kv', 'readwrite');
            const store = tx.objectStore('kv');
            for (const [key, value] of rows) store.put(value, key);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      chunk,
    );
  }
}
