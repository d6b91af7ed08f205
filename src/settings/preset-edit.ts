// Editing limit presets and which deck or folder uses which: pure, tested without a DOM. The
// Default preset is the limits stored in Settings itself (scheduler/deck-limits.ts).
import { parentFolders } from '../scheduler/deck-limits.ts';
import {
  DEFAULT_PRESET_ID,
  type DeckLimitOverride,
  type LimitPreset,
  type Settings,
} from '../shared/types.ts';

/** The presets being edited, limits as typed; Default first. */
export interface PresetDraft {
  presets: { id: string; name: string; newPerDay: string; reviewsPerDay: string }[];
  /** Deck path or folder → preset id; Default is not written down. */
  assigned: Record<string, string>;
  /** Deck path or folder → its own limits as typed ('' = the preset's); see ownLimits. */
  own: Record<string, OwnLimitsDraft>;
  /** Anki's "Apply limits from parent". */
  applyAllParentLimits: boolean;
}

/** A deck's or folder's own limits as typed: "This deck" and "Today only", '' where unset. */
export interface OwnLimitsDraft {
  newPerDay: string;
  reviewsPerDay: string;
  todayNew: string;
  todayReviews: string;
}

const EMPTY_OWN: OwnLimitsDraft = {
  newPerDay: '',
  reviewsPerDay: '',
  todayNew: '',
  todayReviews: '',
};

const typed = (n: number | undefined) => (n === undefined ? '' : String(n));

/** Own limits to edit on study day `day`: a "today only" limit of another day shows as unset. */
function ownDraft(o: DeckLimitOverride, day: number): OwnLimitsDraft {
  const today = o.today?.day === day ? o.today : undefined;
  return {
    newPerDay: typed(o.newPerDay),
    reviewsPerDay: typed(o.reviewsPerDay),
    todayNew: typed(today?.newPerDay),
    todayReviews: typed(today?.reviewsPerDay),
  };
}

/** The own limits to store: unset fields left out, "today only" stamped with `day`. */
function ownLimits(d: OwnLimitsDraft, day: number): DeckLimitOverride | null {
  const o: DeckLimitOverride = {};
  if (d.newPerDay.trim() !== '') o.newPerDay = num(d.newPerDay);
  if (d.reviewsPerDay.trim() !== '') o.reviewsPerDay = num(d.reviewsPerDay);
  if (d.todayNew.trim() !== '' || d.todayReviews.trim() !== '') {
    o.today = { day };
    if (d.todayNew.trim() !== '') o.today.newPerDay = num(d.todayNew);
    if (d.todayReviews.trim() !== '') o.today.reviewsPerDay = num(d.todayReviews);
  }
  return Object.keys(o).length > 0 ? o : null;
}

/** A node's own limits in the draft ('' everywhere when none). */
export const ownOf = (d: PresetDraft, node: string): OwnLimitsDraft => d.own[node] ?? EMPTY_OWN;

export function setOwn(d: PresetDraft, node: string, patch: Partial<OwnLimitsDraft>): PresetDraft {
  return { ...d, own: { ...d.own, [node]: { ...ownOf(d, node), ...patch } } };
}

/** The presets to edit; `day` is today's study day number, for "today only" limits. */
export function toDraft(s: Settings, day: number): PresetDraft {
  const row = (p: LimitPreset) => ({
    id: p.id,
    name: p.name,
    newPerDay: String(p.newPerDay),
    reviewsPerDay: String(p.reviewsPerDay),
  });
  return {
    presets: [
      row({
        id: DEFAULT_PRESET_ID,
        name: 'Default',
        newPerDay: s.newPerDay,
        reviewsPerDay: s.reviewsPerDay,
      }),
      ...(s.presets ?? []).map(row),
    ],
    assigned: { ...s.deckPresets },
    own: Object.fromEntries(
      Object.entries(s.deckLimits ?? {}).map(([node, o]) => [node, ownDraft(o, day)]),
    ),
    applyAllParentLimits: s.applyAllParentLimits === true,
  };
}

const num = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/**
 * The settings to save: the draft over `s`, Default's limits back in their own fields, own
 * limits with "today only" ones stamped with study day `day`.
 */
export function fromDraft(s: Settings, d: PresetDraft, day: number): Record<string, unknown> {
  const [def, ...named] = d.presets;
  const ids = new Set(named.map((p) => p.id));
  const assigned = Object.fromEntries(Object.entries(d.assigned).filter(([, id]) => ids.has(id)));
  return {
    ...s,
    newPerDay: num(def!.newPerDay),
    reviewsPerDay: num(def!.reviewsPerDay),
    presets: named.map((p) => ({
      id: p.id,
      name: p.name,
      newPerDay: num(p.newPerDay),
      reviewsPerDay: num(p.reviewsPerDay),
    })),
    deckPresets: assigned,
    deckLimits: Object.fromEntries(
      Object.entries(d.own).flatMap(([node, o]) => {
        const limits = ownLimits(o, day);
        return limits ? [[node, limits]] : [];
      }),
    ),
    applyAllParentLimits: d.applyAllParentLimits,
  };
}

/** What a node's own limits say, for its row: "7 new · 50 new today"; '' when none. */
export function ownSummary(o: OwnLimitsDraft): string {
  const parts: string[] = [];
  if (o.newPerDay.trim()) parts.push(`${o.newPerDay.trim()} new`);
  if (o.reviewsPerDay.trim()) parts.push(`${o.reviewsPerDay.trim()} reviews`);
  if (o.todayNew.trim()) parts.push(`${o.todayNew.trim()} new today`);
  if (o.todayReviews.trim()) parts.push(`${o.todayReviews.trim()} reviews today`);
  return parts.join(' · ');
}

/** A new preset with Default's limits and the first free "Preset n" name; returns its id too. */
export function addPreset(d: PresetDraft): [PresetDraft, string] {
  const names = new Set(d.presets.map((p) => p.name.toLowerCase()));
  const ids = new Set(d.presets.map((p) => p.id));
  let n = 1;
  while (names.has(`preset ${n}`) || ids.has(`preset-${n}`)) n++;
  const def = d.presets[0]!;
  const id = `preset-${n}`;
  const preset = { ...def, id, name: `Preset ${n}` };
  return [{ ...d, presets: [...d.presets, preset] }, id];
}

export function updatePreset(
  d: PresetDraft,
  id: string,
  patch: Partial<Omit<PresetDraft['presets'][number], 'id'>>,
): PresetDraft {
  return { ...d, presets: d.presets.map((p) => (p.id === id ? { ...p, ...patch } : p)) };
}

/** Deletes a named preset; the decks and folders that used it use Default again. */
export function deletePreset(d: PresetDraft, id: string): PresetDraft {
  if (id === DEFAULT_PRESET_ID) return d;
  return {
    ...d,
    presets: d.presets.filter((p) => p.id !== id),
    assigned: Object.fromEntries(Object.entries(d.assigned).filter(([, p]) => p !== id)),
  };
}

export function assign(d: PresetDraft, node: string, id: string): PresetDraft {
  const assigned = { ...d.assigned };
  if (id === DEFAULT_PRESET_ID) delete assigned[node];
  else assigned[node] = id;
  return { ...d, assigned };
}

/** How many decks and folders use preset `id`. */
export function usedBy(d: PresetDraft, nodes: readonly DeckNode[], id: string): number {
  return nodes.filter((n) => (d.assigned[n.path] ?? DEFAULT_PRESET_ID) === id).length;
}

export interface DeckNode {
  /** Deck path or folder ('ml'), the key presets are assigned by. */
  path: string;
  /** What the row shows: the file or folder name. */
  name: string;
  depth: number;
  folder: boolean;
}

const bySegments = (a: string, b: string) => {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++)
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.length - y.length;
};

/** Every deck and every folder above one, each folder just before what it holds. */
export function deckNodes(paths: readonly string[]): DeckNode[] {
  const folders = new Set(paths.flatMap(parentFolders));
  const all = [...new Set([...folders, ...paths])].sort(bySegments);
  return all.map((path) => {
    const parts = path.split('/');
    return {
      path,
      name: parts[parts.length - 1]!,
      depth: parts.length - 1,
      folder: folders.has(path),
    };
  });
}
