/** A log entry id, unique and sortable by time: 9 base36 digits of ms, '-', 8 random ones. */
export function newLogId(now: number, random: () => number = Math.random): string {
  let tail = '';
  for (let i = 0; i < 8; i++) tail += Math.floor(random() * 36).toString(36);
  return `${Math.max(0, Math.floor(now)).toString(36).padStart(9, '0')}-${tail}`;
}

/** The smallest id of a log entry at or after `time` (for key ranges). */
export function logIdLowerBound(time: number): string {
  return Math.max(0, Math.floor(time)).toString(36).padStart(9, '0');
}

/** The time (ms) an entry id was made at: its first 9 base36 digits. */
export function logIdTime(id: string): number {
  return parseInt(id.slice(0, 9), 36);
}
