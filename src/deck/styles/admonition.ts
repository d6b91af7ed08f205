// mkdocs admonition lines (`!!! type "Title"`, `??? type`, `???+ type 'Title'`) and their
// indented bodies, for the styles that find questions or answers in them.
import { closesFence, fenceOpen, indentOf, type Fence } from '../lines.ts';
import { ANSWER_TYPES, isAnswerLabel } from './answer-label.ts';
import { indentedBlockEnd, type ScannedLines } from './scan.ts';

const ADMONITION = /^(!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+"(.*)"|[ \t]+'(.*)')?[ \t]*$/;

export interface Admonition {
  kind: '!!!' | '???' | '???+';
  type: string;
  /** null when the line gives no title (mkdocs then shows the type, capitalised). */
  title: string | null;
}

/** An admonition opener on an already-trimmed line, or null. */
export function admonitionAt(trimmed: string): Admonition | null {
  const c = trimmed.charCodeAt(0);
  if (c !== 33 && c !== 63) return null;
  const m = ADMONITION.exec(trimmed);
  if (!m) return null;
  const title = m[3] ?? m[4];
  return {
    kind: m[1] as Admonition['kind'],
    type: m[2]!.toLowerCase(),
    title: title === undefined ? null : title.trim(),
  };
}

/** `??? note "Answer"`, `???+ success "Solution"`, `??? answer`… */
export function isAnswerAdmonition(a: Admonition): boolean {
  return a.title === null || a.title === '' ? ANSWER_TYPES.has(a.type) : isAnswerLabel(a.title);
}

/**
 * The body lines (indices) of the admonition opened at `i`: the following lines indented deeper.
 * A body written flush under the opener (not indented) is taken up to the next blank line, as
 * admonitions.ts keeps it inside cards.
 */
export function admonitionBody(scan: ScannedLines, i: number): { body: number[]; end: number } {
  const end = indentedBlockEnd(scan, i);
  const body: number[] = [];
  for (let k = i + 1; k < end; k++) body.push(k);
  if (body.length > 0) return { body, end };
  const base = scan.indent[i]!;
  let k = i + 1;
  while (k < scan.lines.length && scan.indent[k] === base) {
    const t = scan.lines[k]!.trimStart();
    if (fenceOpen(t) || admonitionAt(t) || scan.headingText.has(k)) break;
    body.push(k);
    k += 1;
  }
  return { body, end: k };
}

/**
 * The first answer admonition at the top level of already-dedented lines (outside fences), as
 * an index, or -1: `!!! question "Q"` bodies that hold their answer in a nested `??? success`.
 */
export function nestedAnswerAt(dedented: string[]): number {
  let fence: Fence | null = null;
  for (let k = 0; k < dedented.length; k++) {
    const line = dedented[k]!;
    if (indentOf(line) !== 0) continue;
    if (fence) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    fence = fenceOpen(line);
    if (fence) continue;
    const a = admonitionAt(line);
    if (a && isAnswerAdmonition(a)) return k;
  }
  return -1;
}

/** The end (exclusive) of the nested block opened at `k` in dedented lines. */
export function nestedEnd(dedented: string[], k: number): number {
  let last = k;
  for (let j = k + 1; j < dedented.length; j++) {
    const ind = indentOf(dedented[j]!);
    if (ind === 0) break;
    if (ind > 0) last = j;
  }
  return last + 1;
}
