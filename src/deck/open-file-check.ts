// Whether a file a person opened can be a deck, and if not, the one sentence that says why. Pure:
// bytes in, text or a reason out; nothing is stored before these say yes (issue 13).
import type { Deck } from '../shared/types.ts';

export type FileVerdict = { ok: true; text: string } | { ok: false; reason: string };

const NOT_ADDED = 'nothing was added.';

/** Leading bytes of common binary formats a person might pick by mistake. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'an image' }, // PNG
  { bytes: [0xff, 0xd8, 0xff], what: 'an image' }, // JPEG
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'an image' }, // GIF8
  { bytes: [0x52, 0x49, 0x46, 0x46], what: 'an image or media file' }, // RIFF (WebP, WAV, AVI)
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF' }, // %PDF
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive or office document' }, // PK
];

const IMAGE_NAME = /\.(png|jpe?g|gif|webp|bmp|ico|svg|avif|heic|tiff?)$/i;

/** Markdown file names a folder is searched for (other files in it are not decks). */
export const MARKDOWN_NAME = /\.(md|markdown)$/i;

const startsWith = (bytes: Uint8Array, sig: number[]) =>
  bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

/**
 * The file's text when it is UTF-8 text, else why it is refused ("photo.png is not a Markdown
 * text file; nothing was added."). Images, PDFs, archives, NUL bytes, invalid UTF-8 and empty
 * files are refused.
 */
export function checkDeckFile(name: string, bytes: Uint8Array, mimeType = ''): FileVerdict {
  const notText = (what?: string): FileVerdict => ({
    ok: false,
    reason: `${name} is not a Markdown text file${what ? ` (it is ${what})` : ''}; ${NOT_ADDED}`,
  });
  const sig = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (sig) return notText(sig.what);
  // An SVG is text, but an image: it is not a deck.
  if (mimeType.startsWith('image/') || IMAGE_NAME.test(name)) return notText('an image');
  if (bytes.includes(0)) return notText();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return notText();
  }
  if (text.trim() === '') return { ok: false, reason: `${name} is empty; ${NOT_ADDED}` };
  return { ok: true, text };
}

/** Why a parsed deck is refused (it holds no question), or null when it can be added. */
export function refuseDeck(name: string, deck: Pick<Deck, 'cards' | 'diagnostics'>): string | null {
  if (deck.cards.length > 0) return null;
  const error = deck.diagnostics.find((d) => d.severity === 'error');
  const detail = error ? ` (line ${error.line}: ${error.message.replace(/\.$/, '')})` : '';
  return `${name} holds no question Recall can read${detail}; ${NOT_ADDED}`;
}

/** Pasted Markdown: refused when empty; the title is what it is stored and listed as. */
export function checkPastedText(title: string, text: string): FileVerdict {
  if (text.trim() === '')
    return { ok: false, reason: `There is no text to add; paste the Markdown first.` };
  if (text.includes('\u0000'))
    return { ok: false, reason: `${title} is not Markdown text; ${NOT_ADDED}` };
  return { ok: true, text };
}
