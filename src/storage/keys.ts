// The key layout of the one object store. Log ids sort by time, so key ranges select by time.
export const CARD = 'card:';
export const LOG = 'log:';
export const QUARANTINE = 'quarantine:';
export const META_SETTINGS = 'meta:settings';
export const META_SCHEMA = 'meta:schema';
export const META_PERSIST_ASKED = 'meta:persist-asked';
/** When the migration safety copy was made: `{ version, at }` (ms). */
export const META_SNAPSHOT = 'meta:snapshot';
export const SNAPSHOT = 'snapshot:';

export const rangeOf = (prefix: string): IDBKeyRange =>
  IDBKeyRange.bound(prefix, `${prefix}\uffff`);
export const snapshotKey = (version: number, key: string) => `${SNAPSHOT}v${version}:${key}`;

/** The smallest log key at or after `time` (ids start with 9 base36 digits of ms). */
export function logKeyAt(time: number): string {
  return `${LOG}${Math.max(0, Math.floor(time)).toString(36).padStart(9, '0')}`;
}
/** Markdown a person opened (a file, a folder's file or pasted text), by deck id (issue 13). */
export const OPENED_DECK = 'opened-deck:';
/** Folders a person granted through the File System Access API, by folder name. */
export const OPENED_FOLDER = 'opened-folder:';
