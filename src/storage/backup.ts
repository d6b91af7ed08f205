// One JSON file with everything: settings, card states, the review log and the schema version.
// Importing merges: the logs are a union by entry id and touched cards are replayed, so two
// devices' exports merged lose no answer from either.
import { ImportRejected } from '../shared/errors.ts';
import type { CardId, CardState, ReviewLogEntry, Settings } from '../shared/types.ts';
import { CARD, LOG, META_SETTINGS } from './keys.ts';
import { CURRENT_SCHEMA, type Replay, type Repository } from './repository.ts';
import { readSettings, validateCardState, validateLogEntry } from './validate.ts';

export interface BackupFile {
  format: 'recall-backup';
  schemaVersion: number;
  exportedAt: string;
  settings: Settings;
  cards: CardState[];
  log: ReviewLogEntry[];
  /** Records of the file that failed validation and were left out (set by parseBackup). */
  rejected?: number;
}

export async function exportBackup(
  repo: Repository,
  now: number = Date.now(),
): Promise<BackupFile> {
  const [settings, cards, log] = await Promise.all([
    repo.getMeta(META_SETTINGS),
    repo.readStates(),
    repo.readFullLog(),
  ]);
  return {
    format: 'recall-backup',
    schemaVersion: CURRENT_SCHEMA,
    exportedAt: new Date(now).toISOString(),
    settings: readSettings(settings),
    cards: cards.sort((a, b) => (a.cardId < b.cardId ? -1 : 1)),
    log,
  };
}

export function parseBackup(text: string): BackupFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportRejected(
      'This file is not a Recall backup: it is not valid JSON. Nothing was imported.',
    );
  }
  const d = data as Partial<BackupFile> | null;
  if (
    !d ||
    typeof d !== 'object' ||
    d.format !== 'recall-backup' ||
    !Array.isArray(d.cards) ||
    !Array.isArray(d.log)
  )
    throw new ImportRejected(
      'This file is not a Recall backup (export one from Settings → Backup). Nothing was imported.',
    );
  if (typeof d.schemaVersion !== 'number' || d.schemaVersion > CURRENT_SCHEMA)
    throw new ImportRejected(
      'This backup comes from a newer version of Recall; update Recall, then import it. Nothing was imported.',
    );
  const cards = d.cards.filter((c) => validateCardState(c) === null);
  const log = d.log.filter((e) => validateLogEntry(e) === null);
  return {
    format: 'recall-backup',
    schemaVersion: d.schemaVersion,
    exportedAt: String(d.exportedAt ?? ''),
    settings: readSettings(d.settings),
    cards,
    log,
    rejected: d.cards.length - cards.length + (d.log.length - log.length),
  };
}

export async function importBackup(
  repo: Repository,
  backup: BackupFile,
  replay: Replay,
): Promise<{ added: number; skipped: number; cards: number; rejected: number }> {
  const existing = await repo.logIds();
  const wasEmpty = existing.size === 0;
  const added = backup.log.filter((e) => !existing.has(e.id));
  await repo.putMany(added.map((e): [string, unknown] => [`${LOG}${e.id}`, e]));

  const touched = new Set<CardId>(added.map((e) => e.cardId));
  const states =
    touched.size > 0
      ? replay((await repo.readFullLog()).filter((e) => touched.has(e.cardId)))
      : new Map();
  // Cards the file knows that have no log anywhere (none today, but kept for safety) come as they are.
  const known = new Set((await repo.readStates()).map((s) => s.cardId));
  for (const c of backup.cards)
    if (!known.has(c.cardId) && !states.has(c.cardId) && !touched.has(c.cardId))
      states.set(c.cardId, c);
  await repo.putMany([...states.values()].map((s): [string, unknown] => [`${CARD}${s.cardId}`, s]));
  if (wasEmpty) await repo.saveSettings(backup.settings);
  return {
    added: added.length,
    skipped: backup.log.length - added.length,
    cards: states.size,
    rejected: backup.rejected ?? 0,
  };
}
