// One JSON file with everything: settings, card states, the review log and the schema version.
// Importing merges: the logs are a union by entry id and touched cards are replayed, so two
// devices' exports merged lose no answer from either, and nothing already stored is overwritten
// except the states the merged log rebuilds.
import { ImportIncomplete, ImportRejected } from '../shared/errors.ts';
import type { CardId, CardState, ReviewLogEntry, Settings } from '../shared/types.ts';
import { CARD, LOG, META_SETTINGS } from './keys.ts';
import { CURRENT_SCHEMA, DamagedRecord, migrateRecord, migrationContext } from './migrations.ts';
import { rebuildStates, type Replay } from './rebuild.ts';
import type { Repository } from './repository.ts';
import { boundUnknownFields } from './bound.ts';
import { readSource, type OpenedDeckSource } from './opened-decks.ts';
import { validateCardState, validateLogEntry } from './validate.ts';
import { repairSettings } from '../shared/settings-rules.ts';

export interface BackupFile {
  format: 'recall-backup';
  schemaVersion: number;
  exportedAt: string;
  settings: Settings;
  cards: CardState[];
  log: ReviewLogEntry[];
  /** Decks opened on the device (their Markdown), when there are any (issue 13). */
  openedDecks?: OpenedDeckSource[];
}

export interface ParsedBackup extends BackupFile {
  /** Records of the file that failed validation and are left out, one sentence each (≤ 5). */
  rejected: { count: number; messages: string[] };
  /** Unknown fields too large or too deeply nested to keep, left out of records that are kept. */
  trimmed: number;
  /** Settings fields the rules refused, replaced by their defaults: one sentence each. */
  settingsProblems: string[];
}

export interface ImportResult {
  /** Log entries new to this store. */
  added: number;
  /** Log entries it already had. */
  skipped: number;
  /** Card states written (rebuilt from the merged log, or new cards taken from the file). */
  cards: number;
  /** Records of the file left out as damaged. */
  rejected: number;
  /** Oversized unknown fields left out of records that were imported. */
  trimmed: number;
  /** Settings are imported only into a store with no progress and no settings of its own. */
  settingsImported: boolean;
  /** When settings were imported: fields of the file's that were refused and took the defaults. */
  settingsProblems?: string[];
}

type BackupSource = Pick<Repository, 'readSettings' | 'readStates' | 'readFullLog'>;

export async function exportBackup(
  repo: BackupSource,
  now: number = Date.now(),
  openedDecks: readonly OpenedDeckSource[] = [],
): Promise<BackupFile> {
  const [settings, cards, log] = await Promise.all([
    repo.readSettings(),
    repo.readStates(),
    repo.readFullLog(),
  ]);
  return {
    format: 'recall-backup',
    schemaVersion: CURRENT_SCHEMA,
    exportedAt: new Date(now).toISOString(),
    settings,
    cards: cards.sort((a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0)),
    log,
    ...(openedDecks.length > 0 ? { openedDecks: [...openedDecks] } : {}),
  };
}

const BACKUP_SETTINGS = 'The backup’s';

const reject = (why: string) => new ImportRejected(`${why} Nothing was imported.`);

/** How far an import is: records checked, answers saved, then cards rebuilt (done of total). */
export interface ImportProgress {
  phase: 'checking' | 'saving' | 'rebuilding';
  done: number;
  total: number;
}

/** Records checked between two progress reports of parseBackup. */
export const PARSE_PROGRESS_EVERY = 5000;

/**
 * Reads a backup file's text; throws ImportRejected with a sentence when it cannot be used.
 * `onProgress` hears the records checked every PARSE_PROGRESS_EVERY records and once at the end.
 */
export function parseBackup(
  text: string,
  onProgress?: (progress: ImportProgress) => void,
): ParsedBackup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw reject('This file is not a Recall backup: it is not valid JSON.');
  }
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (d.format !== 'recall-backup' || !Array.isArray(d.cards) || !Array.isArray(d.log))
    throw reject('This file is not a Recall backup (export one from Settings → Backup).');
  const version = d.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw reject('This backup has no readable version number, so Recall cannot tell its layout.');
  if (version > CURRENT_SCHEMA)
    throw reject(
      'This backup comes from a newer version of Recall; update Recall, then import it.',
    );

  // Answers from before version 3 get this device's zone and the file's day-start hour.
  const context = migrationContext(d.settings);
  const messages: string[] = [];
  let count = 0;
  let trimmed = 0;
  const total = d.cards.length + d.log.length;
  let checked = 0;
  const report = () => onProgress?.({ phase: 'checking', done: checked, total });
  // Every record is read and checked before anything is written: a bad one is left out whole
  // (and counted), never half-written.
  const take = <T>(
    items: unknown[],
    kind: 'card' | 'log',
    key: (v: unknown) => string,
    validate: (v: unknown) => string | null,
    what: string,
  ): T[] => {
    const out: T[] = [];
    items.forEach((raw, i) => {
      let value: unknown;
      let reason: string | null;
      try {
        value = migrateRecord(key(raw), raw, version, CURRENT_SCHEMA, undefined, context);
        reason = validate(value);
      } catch (err) {
        if (!(err instanceof DamagedRecord) && !(err instanceof RangeError)) throw err;
        reason = err instanceof DamagedRecord ? err.message : 'it is nested too deeply to read';
      }
      if (reason === null) {
        const bounded = boundUnknownFields(kind, value);
        trimmed += bounded.dropped.length;
        out.push(bounded.value as T);
      } else {
        count += 1;
        if (messages.length < 5) messages.push(`${what} ${i + 1} was left out: ${reason}.`);
      }
      checked += 1;
      if (checked % PARSE_PROGRESS_EVERY === 0 && checked < total) report();
    });
    return out;
  };
  const field = (v: unknown, name: string) =>
    String((typeof v === 'object' && v !== null && (v as Record<string, unknown>)[name]) ?? '');
  const cards = take<CardState>(
    d.cards,
    'card',
    (v) => `${CARD}${field(v, 'cardId')}`,
    validateCardState,
    'Card',
  );
  const log = take<ReviewLogEntry>(
    d.log,
    'log',
    (v) => `${LOG}${field(v, 'id')}`,
    validateLogEntry,
    'Log entry',
  );
  // The same rules as the Settings form: an impossible value never reaches storage or the scheduler.
  const fileSettings = repairSettings(
    migrateRecord(META_SETTINGS, d.settings, version),
    BACKUP_SETTINGS,
  );
  // Opened decks: a damaged one is left out (and counted) like any record.
  const openedDecks: OpenedDeckSource[] = [];
  (Array.isArray(d.openedDecks) ? d.openedDecks : []).forEach((raw: unknown, i) => {
    const source = readSource(raw);
    if (source) openedDecks.push(source);
    else {
      count += 1;
      if (messages.length < 5)
        messages.push(`Opened deck ${i + 1} was left out: it is not a deck's Markdown source.`);
    }
  });
  report();
  return {
    format: 'recall-backup',
    schemaVersion: CURRENT_SCHEMA,
    exportedAt: typeof d.exportedAt === 'string' ? d.exportedAt : '',
    settings: fileSettings.settings,
    cards,
    log,
    rejected: { count, messages },
    trimmed,
    settingsProblems: fileSettings.problems.map((p) => p.message),
    ...(openedDecks.length > 0 ? { openedDecks } : {}),
  };
}

/** Log entries per write transaction of an import. */
export const IMPORT_CHUNK = 1000;

/** Log entries replayed between two yields to the event loop while an import rebuilds cards. */
export const REBUILD_SLICE = 5000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * rebuildStates over a big log in slices of whole cards (each card is replayed from its own
 * entries only), yielding between slices so the page keeps drawing and answering input.
 */
async function rebuildInSlices(
  log: ReviewLogEntry[],
  replay: Replay,
  previous: (cardId: CardId) => CardState | undefined,
  onProgress?: (progress: ImportProgress) => void,
): Promise<Map<CardId, CardState>> {
  const byCard = new Map<CardId, ReviewLogEntry[]>();
  for (const e of log) {
    const group = byCard.get(e.cardId);
    if (group) group.push(e);
    else byCard.set(e.cardId, [e]);
  }
  const states = new Map<CardId, CardState>();
  if (byCard.size === 0) return states;
  const total = byCard.size;
  let done = 0;
  let slice: ReviewLogEntry[] = [];
  let cardsInSlice = 0;
  onProgress?.({ phase: 'rebuilding', done, total });
  const flush = async () => {
    for (const [id, s] of rebuildStates(slice, replay, previous)) states.set(id, s);
    done += cardsInSlice;
    slice = [];
    cardsInSlice = 0;
    onProgress?.({ phase: 'rebuilding', done, total });
    if (done < total) await nextTask();
  };
  for (const group of byCard.values()) {
    for (const e of group) slice.push(e);
    cardsInSlice += 1;
    if (slice.length >= REBUILD_SLICE) await flush();
  }
  if (cardsInSlice > 0) await flush();
  return states;
}

type ImportTarget = Pick<
  Repository,
  'logIds' | 'readStates' | 'readFullLog' | 'getMeta' | 'putMany' | 'saveSettings'
>;

/**
 * Merges a backup into the store: log entries are a union by id (existing ones kept), then every
 * card the file touched is rebuilt by replaying its whole merged log. Writes are chunked
 * transactions, log first. If one fails midway, the cards of the entries written are still
 * rebuilt and ImportIncomplete says exactly how many entries were saved; importing the same file
 * again adds the rest.
 */
export async function importBackup(
  repo: ImportTarget,
  backup: BackupFile | ParsedBackup,
  replay: Replay,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportResult> {
  const [existing, localStates, localSettings] = await Promise.all([
    repo.logIds(),
    repo.readStates(),
    repo.getMeta(META_SETTINGS),
  ]);
  const local = new Map(localStates.map((s) => [s.cardId, s]));
  const fromFile = new Map(backup.cards.map((s) => [s.cardId, s]));
  const empty = existing.size === 0 && local.size === 0 && localSettings === undefined;

  const seen = new Set(existing);
  const added = backup.log.filter((e) => !seen.has(e.id) && (seen.add(e.id), true));
  // Log first, in chunks whose fate is known: if storing stops partway, what was written is
  // exactly the chunks before it, and the cards those touch are still rebuilt below.
  let written = 0;
  let failure: unknown = null;
  onProgress?.({ phase: 'saving', done: 0, total: added.length });
  for (let i = 0; i < added.length; i += IMPORT_CHUNK) {
    const chunk = added.slice(i, i + IMPORT_CHUNK);
    try {
      await repo.putMany(chunk.map((e): [string, unknown] => [`${LOG}${e.id}`, e]));
      written += chunk.length;
      onProgress?.({ phase: 'saving', done: written, total: added.length });
    } catch (err) {
      failure = err;
      break;
    }
  }

  const savedEntries = added.slice(0, written);
  const touched = new Set<CardId>(savedEntries.map((e) => e.cardId));
  // Into a store that had no log, the merged log is what was just written: no need to read it back.
  const merged =
    touched.size === 0
      ? []
      : existing.size === 0
        ? savedEntries
        : (await repo.readFullLog()).filter((e) => touched.has(e.cardId));
  const states = await rebuildInSlices(
    merged,
    replay,
    (id) => local.get(id) ?? fromFile.get(id),
    onProgress,
  );
  if (failure !== null) {
    await repo.putMany(
      [...states.values()].map((s): [string, unknown] => [`${CARD}${s.cardId}`, s]),
    );
    const why = failure instanceof Error ? failure.message : String(failure);
    throw new ImportIncomplete(
      `The import stopped partway: ${written} of ${added.length} new answers were saved, and the ${states.size} cards they touch are up to date. Storing the rest failed: ${why} Import the same file again to add the rest; answers already saved are skipped.`,
    );
  }
  // Cards the file has progress for without any log entry (suspended in version 1) come as they are.
  for (const c of backup.cards)
    if (!local.has(c.cardId) && !states.has(c.cardId)) states.set(c.cardId, c);
  await repo.putMany([...states.values()].map((s): [string, unknown] => [`${CARD}${s.cardId}`, s]));
  const settings = repairSettings(backup.settings, BACKUP_SETTINGS);
  if (empty) await repo.saveSettings(settings.settings);
  const settingsProblems = empty
    ? [
        ...('settingsProblems' in backup ? backup.settingsProblems : []),
        ...settings.problems.map((p) => p.message),
      ]
    : [];
  return {
    added: added.length,
    skipped: backup.log.length - added.length,
    cards: states.size,
    rejected: 'rejected' in backup ? backup.rejected.count : 0,
    trimmed: 'trimmed' in backup ? backup.trimmed : 0,
    settingsImported: empty,
    ...(settingsProblems.length > 0 ? { settingsProblems } : {}),
  };
}
