// @vitest-environment jsdom
// Guards: the keyboard never gives a grade the person did not choose. Enter/Space on a focused
// button belong to that button (Enter on "Again" used to record Good); the rating shortcuts act
// only when the page itself has focus, and nothing acts in a text field or a dialog.
import { describe, expect, it } from 'vitest';
import { focusKindOf, reviewKeyAction, summaryKeyAction } from './use-review-keys.ts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('review keys (Anki layout)', () => {
  it('Space and Enter on the page reveal, then rate Good', () => {
    expect(reviewKeyAction(key(' '), false, 'page')).toEqual({ type: 'reveal' });
    expect(reviewKeyAction(key('Enter'), false, 'page')).toEqual({ type: 'reveal' });
    expect(reviewKeyAction(key(' '), true, 'page')).toEqual({ type: 'rate', rating: 3 });
    expect(reviewKeyAction(key('Enter'), true, 'page')).toEqual({ type: 'rate', rating: 3 });
  });

  it('leaves Space and Enter to a focused button or link', () => {
    for (const k of [' ', 'Enter']) {
      expect(reviewKeyAction(key(k), false, 'control')).toBeNull();
      expect(reviewKeyAction(key(k), true, 'control')).toBeNull();
    }
  });

  it('1–4 rate only once the answer shows, also with focus on a button', () => {
    expect(reviewKeyAction(key('1'), false, 'page')).toBeNull();
    expect(reviewKeyAction(key('1'), true, 'page')).toEqual({ type: 'rate', rating: 1 });
    expect(reviewKeyAction(key('4'), true, 'control')).toEqual({ type: 'rate', rating: 4 });
    expect(reviewKeyAction(key('2'), true, 'control')).toEqual({ type: 'rate', rating: 2 });
    expect(reviewKeyAction(key('5'), true, 'page')).toBeNull();
  });

  it('undo, suspend, help and exit, from the page or a button', () => {
    for (const focus of ['page', 'control'] as const) {
      expect(reviewKeyAction(key('u'), false, focus)).toEqual({ type: 'undo' });
      expect(reviewKeyAction(key('U'), false, focus)).toEqual({ type: 'undo' });
      expect(reviewKeyAction(key('z', { ctrlKey: true }), true, focus)).toEqual({ type: 'undo' });
      expect(reviewKeyAction(key('z', { metaKey: true }), false, focus)).toEqual({ type: 'undo' });
      expect(reviewKeyAction(key('@'), false, focus)).toEqual({ type: 'suspend' });
      expect(reviewKeyAction(key('?'), true, focus)).toEqual({ type: 'help' });
      expect(reviewKeyAction(key('Escape'), true, focus)).toEqual({ type: 'exit' });
    }
  });

  it('does nothing while typing in a field or inside a dialog', () => {
    for (const focus of ['text', 'dialog'] as const) {
      for (const k of [' ', 'Enter', '1', '3', 'u', '@', '?', 'Escape']) {
        expect(reviewKeyAction(key(k), true, focus)).toBeNull();
        expect(reviewKeyAction(key(k), false, focus)).toBeNull();
      }
      expect(reviewKeyAction(key('z', { ctrlKey: true }), true, focus)).toBeNull();
    }
  });

  it('leaves browser shortcuts alone', () => {
    expect(reviewKeyAction(key('r', { ctrlKey: true }), true, 'page')).toBeNull();
    expect(reviewKeyAction(key('3', { altKey: true }), true, 'page')).toBeNull();
    expect(reviewKeyAction(key('z', { ctrlKey: true, altKey: true }), true, 'page')).toBeNull();
  });
});

describe('end-of-session keys', () => {
  it('U and Ctrl/Cmd+Z undo, Esc goes home, Enter and Space belong to the buttons', () => {
    expect(summaryKeyAction(key('u'), 'control')).toEqual({ type: 'undo' });
    expect(summaryKeyAction(key('z', { ctrlKey: true }), 'page')).toEqual({ type: 'undo' });
    expect(summaryKeyAction(key('z', { metaKey: true }), 'control')).toEqual({ type: 'undo' });
    expect(summaryKeyAction(key('Escape'), 'control')).toEqual({ type: 'exit' });
    expect(summaryKeyAction(key('Enter'), 'page')).toBeNull();
    expect(summaryKeyAction(key(' '), 'page')).toBeNull();
    expect(summaryKeyAction(key('u'), 'text')).toBeNull();
    expect(summaryKeyAction(key('Escape'), 'dialog')).toBeNull();
  });
});

describe('where a key press lands', () => {
  const el = (html: string) => {
    document.body.innerHTML = html;
    return document.querySelector('#t');
  };

  it('tells the page, controls, text fields and dialogs apart', () => {
    expect(focusKindOf(document.body)).toBe('page');
    expect(focusKindOf(null)).toBe('page');
    expect(focusKindOf(el('<div id="t">text</div>'))).toBe('page');
    expect(focusKindOf(el('<a id="t">no href</a>'))).toBe('page');
    expect(focusKindOf(el('<button id="t">Again</button>'))).toBe('control');
    expect(focusKindOf(el('<a id="t" href="#/">Decks</a>'))).toBe('control');
    expect(focusKindOf(el('<div id="t" role="button" tabindex="0">x</div>'))).toBe('control');
    expect(focusKindOf(el('<input id="t" type="checkbox">'))).toBe('control');
    expect(focusKindOf(el('<input id="t">'))).toBe('text');
    expect(focusKindOf(el('<input id="t" type="number">'))).toBe('text');
    expect(focusKindOf(el('<textarea id="t"></textarea>'))).toBe('text');
    expect(focusKindOf(el('<select id="t"><option>a</option></select>'))).toBe('text');
    expect(focusKindOf(el('<div role="dialog"><button id="t">Close</button></div>'))).toBe(
      'dialog',
    );
    const editable = el('<div id="t" contenteditable="true">x</div>') as HTMLElement;
    // jsdom does not compute isContentEditable; browsers do.
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(focusKindOf(editable)).toBe('text');
  });
});
