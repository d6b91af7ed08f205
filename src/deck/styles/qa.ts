// Style 6: `Q:` / `A:` blocks (hashcards' basic cards, and many notes files): `Q:` (or
// `Question:`, any case, a full-width colon too) starts a question that runs, over as many lines
// as it takes, to the `A:` (`Answer:`) line; the answer runs to the next `Q:`, `C:` or heading.
// hashcards mixes `C:` cloze blocks into the same files, so those are read here too (cloze.ts).
import { clozeBlockEnd, clozeNoteCards, CLOZE_TAG, QUESTION_TAG, untagged } from './cloze.ts';
import {
  anyLine,
  blockText,
  descriptionOf,
  scanLines,
  withQuestions,
  type ScanLine,
} from './line-scan.ts';
import type { RawCard, StyleEntry, StyleInput, StyleResult } from './style-types.ts';

export const ANSWER_TAG = /^(?:a|answer)[ \t]*[:：][ \t]?/i;
const QUESTION_LINE = new RegExp(QUESTION_TAG.source + '[ \\t]?', 'i');

const tagged = (l: ScanLine, tag: RegExp) =>
  l.kind === 'text' && l.indent < 4 && tag.test(l.text.trimStart());

/** The line with its tag taken off. */
const untag = (l: ScanLine, tag: RegExp): ScanLine => ({
  ...l,
  text: l.text.trimStart().replace(tag, ''),
});

function read(input: StyleInput, onlyCount: boolean): StyleResult {
  const scan = scanLines(input);
  const { lines } = scan;
  const cards: RawCard[] = [];
  let firstCard = -1;
  let clozeBlocks = 0;
  let k = 0;
  while (k < lines.length) {
    const l = lines[k]!;
    if (tagged(l, CLOZE_TAG)) {
      const end = clozeBlockEnd(lines, k);
      if (firstCard < 0) firstCard = k;
      if (onlyCount) clozeBlocks += 1;
      else cards.push(...clozeNoteCards(untagged(lines.slice(k, end)), true, input.deckId));
      k = end;
      continue;
    }
    if (!tagged(l, QUESTION_TAG)) {
      k += 1;
      continue;
    }
    if (firstCard < 0) firstCard = k;
    const ends = (m: ScanLine) =>
      m.kind === 'heading' || tagged(m, QUESTION_TAG) || tagged(m, CLOZE_TAG);
    let a = k + 1;
    while (a < lines.length && !ends(lines[a]!) && !tagged(lines[a]!, ANSWER_TAG)) a += 1;
    let end = a;
    if (a < lines.length && tagged(lines[a]!, ANSWER_TAG)) {
      end = a + 1;
      while (end < lines.length && !ends(lines[end]!)) end += 1;
    }
    if (onlyCount) cards.push({ question: '', answer: '', line: l.line, section: [] });
    else {
      const question = blockText([untag(l, QUESTION_LINE), ...lines.slice(k + 1, a)]);
      const answer =
        end > a ? blockText([untag(lines[a]!, ANSWER_TAG), ...lines.slice(a + 1, end)]) : '';
      cards.push({ question, answer, line: l.line, section: l.section, pin: l.pin });
    }
    k = end;
  }
  if (onlyCount && cards.length > 0)
    for (let c = 0; c < clozeBlocks; c++)
      cards.push({ question: '', answer: '', line: 0, section: [] });
  return {
    cards: onlyCount ? cards : withQuestions(cards, scan.diagnostics),
    diagnostics: scan.diagnostics,
    title: scan.title,
    description: onlyCount ? '' : descriptionOf(lines, firstCard < 0 ? lines.length : firstCard),
  };
}

export const qaStyle: StyleEntry = {
  style: 'qa',
  label: 'Q: / A: blocks',
  read: (input) => read(input, false),
  // hashcards' `C:` blocks alone are the cloze style; beside a `Q:` they count here too.
  score: (input) =>
    anyLine(input, (l) => QUESTION_TAG.test(l.trimStart())) ? read(input, true).cards.length : 0,
};
