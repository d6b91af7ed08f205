// Reads a backup file off the main thread: decoding, JSON.parse and every record's migration and
// checks take seconds for a big backup. Progress, then the parsed backup in slices, each sent
// only when the page asks for the next (so the page decodes one slice per task and keeps
// drawing in between), then `done`.
import { ImportRejected } from '../shared/errors.ts';
import { parseBackup, type ImportProgress, type ParsedBackup } from './backup.ts';

/** The file (or its text) to read, or a request for the next slice of the result. */
export type ParseRequest = { type: 'parse'; source: string | Blob } | { type: 'next' };

/** Records per `part` message. */
export const PART_SIZE = 5000;

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

/** Replies still to send, one per `next`. */
let queue: ParseReply[] = [];

const sendNext = () => {
  const reply = queue.shift();
  if (reply) scope.postMessage(reply);
};

async function parse(source: string | Blob) {
  try {
    const text = typeof source === 'string' ? source : await source.text();
    const { cards, log, ...rest } = parseBackup(text, (progress) =>
      scope.postMessage({ type: 'progress', progress }),
    );
    queue = [];
    for (const [key, items] of [
      ['cards', cards],
      ['log', log],
    ] as const)
      for (let i = 0; i < items.length; i += PART_SIZE)
        queue.push({ type: 'part', key, items: items.slice(i, i + PART_SIZE) });
    queue.push({ type: 'done', backup: rest });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    queue = [
      err instanceof ImportRejected ? { type: 'rejected', message } : { type: 'failed', message },
    ];
  }
  sendNext();
}

scope.onmessage = (e) => {
  if (e.data.type === 'parse') void parse(e.data.source);
  else sendNext();
};
