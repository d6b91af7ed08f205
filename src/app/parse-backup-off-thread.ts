// parseBackup in a Web Worker, so a big backup never freezes the page; on the main thread where
// there are no workers (jsdom, Node) or the worker cannot start.
import { ImportRejected } from '../shared/errors.ts';
import type { CardState, ReviewLogEntry } from '../shared/types.ts';
import { parseBackup, type ImportProgress, type ParsedBackup } from '../storage/backup.ts';
import type { ParseReply, ParseRequest } from '../storage/parse-backup.worker.ts';

/** What the wrapper needs of a Worker (tests pass a fake). */
export interface ParseWorker {
  postMessage(request: ParseRequest): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ParseReply>) => void): void;
  addEventListener(type: 'error', listener: (e: Event) => void): void;
  terminate(): void;
}

export function startParseWorker(): ParseWorker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('../storage/parse-backup.worker.ts', import.meta.url), {
      type: 'module',
    }) as ParseWorker;
  } catch {
    return null;
  }
}

const onThisThread = async (
  source: string | Blob,
  onProgress?: (progress: ImportProgress) => void,
) => parseBackup(typeof source === 'string' ? source : await source.text(), onProgress);

/** Parses a backup file (or its text); rejects with ImportRejected when it cannot be used. */
export function parseBackupOffThread(
  source: string | Blob,
  onProgress?: (progress: ImportProgress) => void,
  start: () => ParseWorker | null = startParseWorker,
): Promise<ParsedBackup> {
  const worker = start();
  if (!worker) return onThisThread(source, onProgress);
  return new Promise<ParsedBackup>((resolve, reject) => {
    const cards: CardState[] = [];
    const log: ReviewLogEntry[] = [];
    let heard = false;
    const finish = () => worker.terminate();
    worker.addEventListener('message', (e) => {
      heard = true;
      const reply = e.data;
      switch (reply.type) {
        case 'progress':
          onProgress?.(reply.progress);
          break;
        case 'part':
          if (reply.key === 'cards') cards.push(...(reply.items as CardState[]));
          else log.push(...(reply.items as ReviewLogEntry[]));
          // The next slice after a task boundary: the page draws and handles input in between.
          setTimeout(() => worker.postMessage({ type: 'next' }), 0);
          break;
        case 'done':
          finish();
          resolve({ ...reply.backup, cards, log });
          break;
        case 'rejected':
          finish();
          reject(new ImportRejected(reply.message));
          break;
        case 'failed':
          finish();
          reject(new Error(reply.message));
          break;
      }
    });
    // A worker that could not start at all (blocked or missing script): parse here instead.
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      finish();
      if (heard) reject(new Error('Reading the backup stopped unexpectedly; try again.'));
      else onThisThread(source, onProgress).then(resolve, reject);
    });
    worker.postMessage({ type: 'parse', source });
  });
}
