// The deck browser's table, computed: one row per card with its progress, filtered and sorted.
import { retrievability } from '../scheduler/fsrs.ts';
import type { Card, CardId, CardState, Settings } from '../shared/types.ts';

export type BrowseStatus = 'new' | 'learning' | 'review' | 'relearning' | 'suspended';

export interface BrowseRow {
  cardId: CardId;
  index: number;
  preview: string;
  status: BrowseStatus;
  due: number | null;
  stability: number | null;
  difficulty: number | null;
  retrievability: number | null;
  lapses: number;
  reps: number;
  /** Tagged a leech (Anki's leech tag): forgotten as often as the leech threshold. */
  leech: boolean;
}

export type SortKey =
  'index' | 'preview' | 'status' | 'due' | 'stability' | 'difficulty' | 'retrievability' | 'lapses';

/** The question as one line of plain text: Markdown marks, math delimiters and HTML dropped. */
export function previewText(markdown: string, max = 140): string {
  const text = markdown
    .replace(/<[^>]*>/g, ' ')
    .replace(/^#+\s*/gm, '')
    .replace(/[*_`>|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function browseRows(
  cards: Card[],
  states: Map<CardId, CardState>,
  settings: Settings,
  now: number,
): BrowseRow[] {
  return cards.map((card) => {
    const st = states.get(card.id);
    const started = st && st.sched.phase !== 'new';
    return {
      cardId: card.id,
      index: card.index,
      preview: previewText(card.question),
      status: st?.suspended ? 'suspended' : (st?.sched.phase ?? 'new'),
      due: started ? st.sched.due : null,
      stability: started ? st.sched.stability : null,
      difficulty: started ? st.sched.difficulty : null,
      retrievability: started ? retrievability(st.sched, now, settings) : null,
      lapses: st?.sched.lapses ?? 0,
      reps: st?.sched.reps ?? 0,
      leech: st?.sched.leech === true,
    };
  });
}

/** Rows whose question or state holds every word of `query` ("leech" finds leeches); `leechesOnly` keeps only leeches. */
export function filterRows(rows: BrowseRow[], query: string, leechesOnly = false): BrowseRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0 && !leechesOnly) return rows;
  return rows.filter((r) => {
    if (leechesOnly && !r.leech) return false;
    const hay = `${r.preview} ${r.status}${r.leech ? ' leech' : ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** Sorts a copy; empty values (a new card's due) always go last, whichever the direction. */
export function sortRows(rows: BrowseRow[], key: SortKey, dir: 'asc' | 'desc'): BrowseRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
    const c = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
    return c !== 0 ? sign * c : a.index - b.index;
  });
}
