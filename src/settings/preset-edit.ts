// Editing limit presets and which deck or folder uses which: pure, tested without a DOM. The
// Default preset is the limits stored in Settings itself (scheduler/deck-limits.ts).
import { parentFolders } from '../scheduler/deck-limits.ts';
import { DEFAULT_PRESET_ID, type LimitPreset, type Settings } from '../shared/types.ts';

/** The presets being edited, limits as typed; Default first. */
export interface PresetDraft {
  presets: { id: string; name: string; newPerDay: string; reviewsPerDay: string }[];
  /** Deck path or folder → preset id; Default is not written down. */
  assigned: Record<string, string>;
}

export function toDraft(s: Settings): PresetDraft {
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
  };
}

const num = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** The settings to save: the draft over `s`, Default's limits back in their own fields. */
export function fromDraft(s: Settings, d: PresetDraft): Record<string, unknown> {
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
  };
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
