import { useEffect, useRef } from 'react';
import type { Rating } from '../shared/types.ts';

/**
 * Where the key press lands. `page`: the page itself or something that does nothing with keys.
 * `control`: a button or link, which Enter and Space activate. `text`: a field that types keys.
 * `dialog`: anything inside an open dialog, which handles its own keys.
 */
export type KeyFocus = 'page' | 'control' | 'text' | 'dialog';

export type ReviewKeyAction =
  | { type: 'reveal' }
  | { type: 'rate'; rating: Rating }
  | { type: 'undo' }
  | { type: 'suspend' }
  | { type: 'help' }
  | { type: 'exit' };

type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>;

const ACTIVATING_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'image']);
const CONTROL_ROLES = new Set([
  'button',
  'link',
  'checkbox',
  'radio',
  'switch',
  'menuitem',
  'tab',
  'option',
]);
const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton', 'slider']);

/** What kind of element a key press goes to (see `KeyFocus`). */
export function focusKindOf(el: Element | null): KeyFocus {
  if (!el || el === el.ownerDocument.body || el === el.ownerDocument.documentElement) return 'page';
  if (el.closest('[role="dialog"], [role="alertdialog"], dialog')) return 'dialog';
  if ((el as HTMLElement).isContentEditable) return 'text';
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return 'text';
  if (tag === 'INPUT') {
    return ACTIVATING_INPUTS.has((el as HTMLInputElement).type) ? 'control' : 'text';
  }
  const role = el.getAttribute('role');
  if (role && TEXT_ROLES.has(role)) return 'text';
  if (tag === 'BUTTON' || tag === 'SUMMARY' || (tag === 'A' && el.hasAttribute('href'))) {
    return 'control';
  }
  if (role && CONTROL_ROLES.has(role)) return 'control';
  return 'page';
}

/** The keys every screen of a session shares: undo and leave. */
function commonKey(e: KeyPress): { type: 'undo' } | { type: 'exit' } | null {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'z') return { type: 'undo' };
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'u' || e.key === 'U') return { type: 'undo' };
  if (e.key === 'Escape') return { type: 'exit' };
  return null;
}

/**
 * What a key press means during review, Anki's layout. Pure, so it is tested without a DOM.
 * Enter and Space belong to whatever control has focus (so Enter on "Again" answers Again and
 * Enter on "End session" ends it); they reveal and rate Good only when the page itself has focus.
 * Nothing is a shortcut while typing in a field or inside a dialog.
 */
export function reviewKeyAction(
  e: KeyPress,
  revealed: boolean,
  focus: KeyFocus = 'page',
): ReviewKeyAction | null {
  if (focus === 'text' || focus === 'dialog') return null;
  const common = commonKey(e);
  if (common) return common;
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const key = e.key;
  if (key === '?') return { type: 'help' };
  if (key === '@' || key === '!') return { type: 'suspend' };
  if (key === ' ' || key === 'Enter') {
    if (focus !== 'page') return null;
    return revealed ? { type: 'rate', rating: 3 } : { type: 'reveal' };
  }
  if (revealed && (key === '1' || key === '2' || key === '3' || key === '4')) {
    return { type: 'rate', rating: Number(key) as Rating };
  }
  return null;
}

/** The keys of the end-of-session screen: U or Ctrl/Cmd+Z undoes, Esc goes home. */
export function summaryKeyAction(
  e: KeyPress,
  focus: KeyFocus = 'page',
): { type: 'undo' } | { type: 'exit' } | null {
  if (focus === 'text' || focus === 'dialog') return null;
  return commonKey(e);
}

/** Listens for keydown on the window while mounted; `handle` returns true when it used the key. */
function useWindowKeys(handle: (e: KeyboardEvent, focus: KeyFocus) => boolean): void {
  const latest = useRef(handle);
  useEffect(() => {
    latest.current = handle;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || e.defaultPrevented || e.isComposing) return;
      const target = e.target instanceof Element ? e.target : null;
      if (latest.current(e, focusKindOf(target))) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export interface ReviewKeyHandlers {
  revealed: boolean;
  enabled: boolean;
  onReveal: () => void;
  onRate: (rating: Rating) => void;
  onUndo: () => void;
  onSuspend: () => void;
  onHelp: () => void;
  onExit: () => void;
}

export function useReviewKeys(h: ReviewKeyHandlers): void {
  useWindowKeys((e, focus) => {
    if (!h.enabled) return false;
    const action = reviewKeyAction(e, h.revealed, focus);
    if (!action) return false;
    switch (action.type) {
      case 'reveal':
        h.onReveal();
        break;
      case 'rate':
        h.onRate(action.rating);
        break;
      case 'undo':
        h.onUndo();
        break;
      case 'suspend':
        h.onSuspend();
        break;
      case 'help':
        h.onHelp();
        break;
      case 'exit':
        h.onExit();
        break;
    }
    return true;
  });
}

export function useSummaryKeys(h: { onUndo: (() => void) | null; onHome: () => void }): void {
  useWindowKeys((e, focus) => {
    const action = summaryKeyAction(e, focus);
    if (action?.type === 'exit') {
      h.onHome();
      return true;
    }
    if (action?.type === 'undo' && h.onUndo) {
      h.onUndo();
      return true;
    }
    return false;
  });
}
