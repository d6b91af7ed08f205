import { describe, expect, it } from 'vitest';
import { reviewKeyAction } from './use-review-keys.ts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('review keys (Anki layout)', () => {
  it('Space and Enter reveal, then rate Good', () => {
    expect(reviewKeyAction(key(' '), false)).toEqual({ type: 'reveal' });
    expect(reviewKeyAction(key('Enter'), false)).toEqual({ type: 'reveal' });
    expect(reviewKeyAction(key(' '), true)).toEqual({ type: 'rate', rating: 3 });
    expect(reviewKeyAction(key('Enter'), true)).toEqual({ type: 'rate', rating: 3 });
  });

  it('1–4 rate only once the answer shows', () => {
    expect(reviewKeyAction(key('1'), false)).toBeNull();
    expect(reviewKeyAction(key('1'), true)).toEqual({ type: 'rate', rating: 1 });
    expect(reviewKeyAction(key('4'), true)).toEqual({ type: 'rate', rating: 4 });
    expect(reviewKeyAction(key('5'), true)).toBeNull();
  });

  it('undo, suspend, help and exit', () => {
    expect(reviewKeyAction(key('u'), false)).toEqual({ type: 'undo' });
    expect(reviewKeyAction(key('z', { ctrlKey: true }), true)).toEqual({ type: 'undo' });
    expect(reviewKeyAction(key('z', { metaKey: true }), false)).toEqual({ type: 'undo' });
    expect(reviewKeyAction(key('@'), false)).toEqual({ type: 'suspend' });
    expect(reviewKeyAction(key('?'), true)).toEqual({ type: 'help' });
    expect(reviewKeyAction(key('Escape'), true)).toEqual({ type: 'exit' });
  });

  it('leaves browser shortcuts alone', () => {
    expect(reviewKeyAction(key('r', { ctrlKey: true }), true)).toBeNull();
    expect(reviewKeyAction(key('3', { altKey: true }), true)).toBeNull();
  });
});
