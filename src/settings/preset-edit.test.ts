// Guards the preset editor's rules: folders listed before what they hold, new presets named
// uniquely, deleting a preset sends its decks back to Default, Default's limits saved in place.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import { addPreset, assign, deckNodes, deletePreset, fromDraft, toDraft } from './preset-edit.ts';

describe('preset editing', () => {
  it('lists each folder just before the decks under it', () => {
    const nodes = deckNodes(['ml-x.md', 'ml/nlp/b.md', 'ml/a.md', 'a.md']);
    expect(nodes.map((n) => [n.path, n.depth, n.folder])).toEqual([
      ['a.md', 0, false],
      ['ml', 0, true],
      ['ml/a.md', 1, false],
      ['ml/nlp', 1, true],
      ['ml/nlp/b.md', 2, false],
      ['ml-x.md', 0, false],
    ]);
  });

  it("new presets start from Default's limits with a free name", () => {
    const [once, id1] = addPreset(toDraft({ ...DEFAULT_SETTINGS, newPerDay: 9 }));
    const [twice, id2] = addPreset(once);
    expect([id1, id2]).toEqual(['preset-1', 'preset-2']);
    expect(twice.presets.map((p) => [p.name, p.newPerDay])).toEqual([
      ['Default', '9'],
      ['Preset 1', '9'],
      ['Preset 2', '9'],
    ]);
  });

  it('deleting a preset reassigns its decks and folders to Default', () => {
    const [d, id] = addPreset(toDraft(DEFAULT_SETTINGS));
    const used = assign(assign(d, 'ml', id), 'a.md', id);
    const saved = fromDraft(DEFAULT_SETTINGS, deletePreset(used, id));
    expect(saved.presets).toEqual([]);
    expect(saved.deckPresets).toEqual({});
  });

  it("saves Default's limits as the settings' own limits", () => {
    const d = toDraft(DEFAULT_SETTINGS);
    d.presets[0]!.newPerDay = '7';
    expect(fromDraft(DEFAULT_SETTINGS, d)).toMatchObject({ newPerDay: 7, reviewsPerDay: 200 });
  });
});
