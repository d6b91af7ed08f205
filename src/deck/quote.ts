// Diagnostics quote the deck's own text; a pathological file (a 100k-character line, a fence of
// 50k backticks) must not turn one message into a 100k-character line of `deck:check` output.
import type { Fence } from './lines.ts';

/** Longest piece of source text a diagnostic quotes. */
export const QUOTE_MAX = 120;

/** `text` cut to at most `max` characters, ending with "…" when cut. */
export function quote(text: string, max = QUOTE_MAX): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A fence's marks as a message shows them: "```", or "```… (5000 backticks)" when very long. */
export function fenceMarks(fence: Fence): string {
  if (fence.length <= 12) return fence.char.repeat(fence.length);
  const name = fence.char === '`' ? 'backticks' : 'tildes';
  return `${fence.char.repeat(3)}… (${fence.length} ${name})`;
}
