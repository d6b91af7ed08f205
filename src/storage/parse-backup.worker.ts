// Reads a backup file's text off the main thread: JSON.parse and every record's migration and
// checks take seconds for a big backup. Progress, then the parsed backup in slices (each slice
// is one message, so the page decodes them one at a time between frames), then `done`.
import { ImportRejected } from '../shared/errors.ts';
import { parseBackup, type ImportProgress, type ParsedBackup } from './backup.ts';

export interface ParseRequest {
  text: string;
}

/** Records per `part` message. */
export const PART_SIZE = 10_000;

export type ParseReply =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'part'; key: 'cards' | 'log'; items: unknown[] }
  | { type: 'done'; backup: Omit<ParsedBackup, 'cards' | 'log'> }
  | { type: 'rejected'; message: string }
  | { type: 'failed'; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<ParseRequest>) => void) | null;
  postMessage(reply: ParseReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  try {
    const { cards, log, ...rest } = parseBackup(e.data.text, (progress) =>
      scope.postMessage({ type: 'progress', progress }),
    );
    for (const [key, items] of [
      ['cards', cards],
      ['log', log],
    ] as const)
      for (let i = 0; i < items.length; i += PART_SIZE)
        scope.postMessage({ type: 'part', key, items: items.slice(i, i + PART_SIZE) });
    scope.postMessage({ type: 'done', backup: rest });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    scope.postMessage(
      err instanceof ImportRejected ? { type: 'rejected', message } : { type: 'failed', message },
    );
  }
};
