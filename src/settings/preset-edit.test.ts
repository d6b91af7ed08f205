// Guards the preset editor's rules: folders listed before what they hold, new presets named
// uniquely, deleting a preset sends its decks back to Default, Default's limits saved in place.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import { validateSettings } from '../shared/settings-rules.ts';
import {
  addPreset,
  assign,
  deckNodes,
  deletePreset,
  fromDraft,
  ownOf,
  ownSummary,
  setOwn,
  toDraft,
} from './preset-edit.ts';

/** Today's study day number in these tests. */
const DAY = 20_600;

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
    const [once, id1] = addPreset(toDraft({ ...DEFAULT_SETTINGS, newPerDay: 9 }, DAY));
    const [twice, id2] = addPreset(once);
    expect([id1, id2]).toEqual(['preset-1', 'preset-2']);
    expect(twice.presets.map((p) => [p.name, p.newPerDay])).toEqual([
      ['Default', '9'],
      ['Preset 1', '9'],
      ['Preset 2', '9'],
    ]);
  });

  it('deleting a preset reassigns its decks and folders to Default', () => {
    const [d, id] = addPreset(toDraft(DEFAULT_SETTINGS, DAY));
    const used = assign(assign(d, 'ml', id), 'a.md', id);
    const saved = fromDraft(DEFAULT_SETTINGS, deletePreset(used, id), DAY);
    expect(saved.presets).toEqual([]);
    expect(saved.deckPresets).toEqual({});
  });

  it("saves Default's limits as the settings' own limits", () => {
    const d = toDraft(DEFAULT_SETTINGS, DAY);
    d.presets[0]!.newPerDay = '7';
    expect(fromDraft(DEFAULT_SETTINGS, d, DAY)).toMatchObject({ newPerDay: 7, reviewsPerDay: 200 });
  });

  it('saves a deck\'s own limits, "today only" ones stamped with today, unset ones left out', () => {
    let d = setOwn(toDraft(DEFAULT_SETTINGS, DAY), 'ml/a.md', { newPerDay: '7' });
    d = setOwn(d, 'ml', { todayNew: '50', todayReviews: ' ' });
    d = setOwn(d, 'b.md', { newPerDay: '' });
    const saved = fromDraft(DEFAULT_SETTINGS, d, DAY);
    expect(saved.deckLimits).toEqual({
      'ml/a.md': { newPerDay: 7 },
      ml: { today: { day: DAY, newPerDay: 50 } },
    });
    expect(validateSettings(saved).ok).toBe(true);
    expect(ownSummary(ownOf(d, 'ml'))).toBe('50 new today');
  });

  it('shows a "today only" limit of an earlier day as unset, and drops it on save', () => {
    const stored = {
      ...DEFAULT_SETTINGS,
      deckLimits: { 'a.md': { reviewsPerDay: 30, today: { day: DAY - 1, newPerDay: 50 } } },
    };
    const d = toDraft(stored, DAY);
    expect(ownOf(d, 'a.md')).toEqual({
      newPerDay: '',
      reviewsPerDay: '30',
      todayNew: '',
      todayReviews: '',
    });
    expect(fromDraft(stored, d, DAY).deckLimits).toEqual({ 'a.md': { reviewsPerDay: 30 } });
  });

  it('a typo in an own limit is refused by the settings rules with the deck named', () => {
    const d = setOwn(toDraft(DEFAULT_SETTINGS, DAY), 'a.md', { newPerDay: 'ten' });
    const r = validateSettings(fromDraft(DEFAULT_SETTINGS, d, DAY));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain('"a.md"');
  });
});
