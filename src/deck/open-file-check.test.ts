// Guards issue 13's refusals: a file that is not Markdown text, or holds no question, is refused
// with one sentence saying why, before anything is stored.
import { describe, expect, it } from 'vitest';
import { checkDeckFile, checkPastedText, refuseDeck } from './open-file-check.ts';
import { parseDeck } from './parse-deck.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const DECK = [
  '!!! Question ""',
  '    === "Question"',
  '        What is a heap?',
  '    === "Answer"',
  '        A priority queue.',
  '',
].join('\n');

describe('checkDeckFile', () => {
  it('takes UTF-8 text, with a byte-order mark or accents', () => {
    expect(checkDeckFile('a.md', bytes('# Café\n\nQ?'))).toEqual({
      ok: true,
      text: '# Café\n\nQ?',
    });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('# T')]);
    expect(checkDeckFile('a.md', bom)).toEqual({ ok: true, text: '# T' });
  });

  it('refuses a PNG by its bytes, whatever its name', () => {
    expect(checkDeckFile('photo.png', PNG, 'image/png')).toEqual({
      ok: false,
      reason: 'photo.png is not a Markdown text file (it is an image); nothing was added.',
    });
    expect(checkDeckFile('notes.md', PNG).ok).toBe(false);
  });

  it('refuses an image by its name or type even when it is text (SVG)', () => {
    const svg = bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(checkDeckFile('logo.svg', svg)).toMatchObject({ ok: false });
    expect(checkDeckFile('logo', svg, 'image/svg+xml')).toMatchObject({ ok: false });
  });

  it('refuses NUL bytes and invalid UTF-8', () => {
    expect(checkDeckFile('data.md', new Uint8Array([0x23, 0x20, 0x00, 0x41]))).toEqual({
      ok: false,
      reason: 'data.md is not a Markdown text file; nothing was added.',
    });
    expect(checkDeckFile('latin1.md', new Uint8Array([0x23, 0x20, 0xe9, 0x74, 0xe9]))).toEqual({
      ok: false,
      reason: 'latin1.md is not a Markdown text file; nothing was added.',
    });
  });

  it('refuses a PDF and a zip with what they are', () => {
    expect(checkDeckFile('a.md', bytes('%PDF-1.7\n'))).toMatchObject({
      reason: 'a.md is not a Markdown text file (it is a PDF); nothing was added.',
    });
    expect(checkDeckFile('a.md', new Uint8Array([0x50, 0x4b, 3, 4, 20]))).toMatchObject({
      ok: false,
    });
  });

  it('refuses an empty file and one of only blank lines', () => {
    expect(checkDeckFile('empty.md', new Uint8Array())).toEqual({
      ok: false,
      reason: 'empty.md is empty; nothing was added.',
    });
    expect(checkDeckFile('blank.md', bytes(' \n\n\t\n'))).toMatchObject({
      reason: 'blank.md is empty; nothing was added.',
    });
  });
});

describe('refuseDeck', () => {
  it('passes a deck with questions', () => {
    expect(refuseDeck('a.md', parseDeck(DECK, 'a.md'))).toBeNull();
  });

  it('refuses a deck with no question, naming the first error and its line', () => {
    expect(refuseDeck('notes.md', parseDeck('# Notes\n\nJust text.\n', 'notes.md'))).toBe(
      'notes.md holds no question Recall can read; nothing was added.',
    );
    const reason = refuseDeck('x.md', {
      cards: [],
      diagnostics: [{ line: 3, severity: 'error', message: 'The question has no answer.' }],
    });
    expect(reason).toBe(
      'x.md holds no question Recall can read (line 3: The question has no answer); nothing was added.',
    );
  });
});

describe('checkPastedText', () => {
  it('refuses nothing pasted, and takes text', () => {
    expect(checkPastedText('T', '  \n')).toMatchObject({ ok: false });
    expect(checkPastedText('T', DECK)).toEqual({ ok: true, text: DECK });
  });
});
