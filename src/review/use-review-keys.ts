import { useEffect, useRef } from 'react';
import type { Rating } from '../shared/types.ts';

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

/** What a key press means during review, Anki's layout. Pure, so it is tested without a DOM. */
export function reviewKeyAction(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  revealed: boolean,
):
  | { type: 'reveal' }
  | { type: 'rate'; rating: Rating }
  | { type: 'undo' }
  | { type: 'suspend' }
  | { type: 'help' }
  | { type: 'exit' }
  | null {
  const key = e.key;
  if ((e.ctrlKey || e.metaKey) && key.toLowerCase() === 'z') return { type: 'undo' };
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (key === 'u' || key === 'U') return { type: 'undo' };
  if (key === '?') return { type: 'help' };
  if (key === '@' || key === '!') return { type: 'suspend' };
  if (key === 'Escape') return { type: 'exit' };
  if (key === ' ' || key === 'Enter')
    return revealed ? { type: 'rate', rating: 3 } : { type: 'reveal' };
  if (revealed && (key === '1' || key === '2' || key === '3' || key === '4')) {
    return { type: 'rate', rating: Number(key) as Rating };
  }
  return null;
}

export function useReviewKeys(h: ReviewKeyHandlers): void {
  const latest = useRef(h);
  useEffect(() => {
    latest.current = h;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const cur = latest.current;
      if (!cur.enabled || e.repeat) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)))
        return;
      const action = reviewKeyAction(e, cur.revealed);
      if (!action) return;
      // Space/Enter on a focused button would click it too: handle the key once, here.
      e.preventDefault();
      switch (action.type) {
        case 'reveal':
          return cur.onReveal();
        case 'rate':
          return cur.onRate(action.rating);
        case 'undo':
          return cur.onUndo();
        case 'suspend':
          return cur.onSuspend();
        case 'help':
          return cur.onHelp();
        case 'exit':
          return cur.onExit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
