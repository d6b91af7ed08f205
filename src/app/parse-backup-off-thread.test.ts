// Guards issue 10's big import: the off-thread parse assembles the worker's slices and progress,
// turns its refusal into ImportRejected, and parses here where no worker can start.
import { describe, expect, it } from 'vitest';
import { ImportRejected } from '../shared/errors.ts';
import { DEFAULT_SETTINGS } from '../shared/types.ts';
import type { ImportProgress } from '../storage/backup.ts';
import { CURRENT_SCHEMA } from '../storage/migrations.ts';
import type { ParseReply, ParseRequest } from '../storage/parse-backup.worker.ts';
import { T0, makeEntry, stateAfter } from '../storage/test-support.ts';
import { parseBackupOffThread, type ParseWorker } from './parse-backup-off-thread.ts';

/** A worker that answers every request with `replies` (or an error event when null). */
function fakeWorker(replies: ParseReply[] | null): ParseWorker & { terminated: boolean } {
  const listeners: Record<string, ((e: never) => void)[]> = { message: [], error: [] };
  const w = {
    terminated: false,
    addEventListener: (type: string, l: (e: never) => void) => void listeners[type]!.push(l),
    postMessage: (request: ParseRequest) =>
      queueMicrotask(() => {
        if (request.type !== 'parse') return;
        if (replies === null)
          for (const l of listeners.error!) l({ preventDefault: () => undefined } as never);
        else for (const data of replies) for (const l of listeners.message!) l({ data } as never);
      }),
    terminate: () => void (w.terminated = true),
  };
  return w as ParseWorker & { terminated: boolean };
}

const entries = [makeEntry({ cardId: 'd:1' }), makeEntry({ cardId: 'd:2', time: T0 + 1000 })];
const text = JSON.stringify({
  format: 'recall-backup',
  schemaVersion: CURRENT_SCHEMA,
  exportedAt: '',
  settings: DEFAULT_SETTINGS,
  cards: entries.map((e) => stateAfter(e)),
  log: entries,
});

describe('parseBackupOffThread', () => {
  it('puts the worker’s slices together and passes its progress on', async () => {
    const seen: ImportProgress[] = [];
    const rest = {
      format: 'recall-backup' as const,
      schemaVersion: CURRENT_SCHEMA,
      exportedAt: '',
      settings: DEFAULT_SETTINGS,
      rejected: { count: 0, messages: [] },
      trimmed: 0,
      settingsProblems: [],
    };
    const worker = fakeWorker([
      { type: 'progress', progress: { phase: 'checking', done: 4, total: 4 } },
      { type: 'part', key: 'cards', items: [stateAfter(entries[0]!)] },
      { type: 'part', key: 'log', items: [entries[0]] },
      { type: 'part', key: 'log', items: [entries[1]] },
      { type: 'done', backup: rest },
    ]);
    const parsed = await parseBackupOffThread(
      text,
      (p) => seen.push(p),
      () => worker,
    );
    expect(parsed).toEqual({ ...rest, cards: [stateAfter(entries[0]!)], log: entries });
    expect(seen).toEqual([{ phase: 'checking', done: 4, total: 4 }]);
    expect(worker.terminated).toBe(true);
  });

  it('rejects with ImportRejected and the worker’s sentence', async () => {
    const worker = fakeWorker([
      { type: 'rejected', message: 'Not a backup. Nothing was imported.' },
    ]);
    const result = parseBackupOffThread('x', undefined, () => worker);
    await expect(result).rejects.toBeInstanceOf(ImportRejected);
    await expect(result).rejects.toThrow('Not a backup. Nothing was imported.');
  });

  it('parses on this thread where there is no worker or it cannot start', async () => {
    for (const [source, start] of [
      [text, () => null],
      [new Blob([text]), () => null],
      [new Blob([text]), () => fakeWorker(null)],
    ] as const) {
      const seen: ImportProgress[] = [];
      const parsed = await parseBackupOffThread(source, (p) => seen.push(p), start);
      expect(parsed.log).toEqual(entries);
      expect(seen.at(-1)).toEqual({ phase: 'checking', done: 4, total: 4 });
    }
  });
});
