import { use } from 'react';
import type { PluggableList } from 'unified';
import { mayContainMath } from '../shared/math-source.ts';

export type MathPlugins = PluggableList;

/**
 * A promise that carries its outcome the way React's `use()` reads it (`status`, `value`), so a
 * render after KaTeX has loaded gets the plugins at once instead of suspending for a microtask.
 */
type Loading = Promise<MathPlugins | null> & { status?: 'fulfilled'; value?: MathPlugins | null };

let loading: Loading | null = null;
/** The last load failed: cards show math as source until a preload tries again. */
let failed = false;

/** KaTeX's fonts for the glyphs nearly every formula uses (letters, digits, ∑ ∫ and brackets). */
const COMMON_FONTS = [
  '1em KaTeX_Main',
  'italic 1em KaTeX_Math',
  '1em KaTeX_Size1',
  '1em KaTeX_Size2',
  '1em KaTeX_AMS',
];

/** Asks the browser for KaTeX's common fonts so the first formula does not wait on them. */
async function loadCommonFonts(): Promise<void> {
  if (typeof document === 'undefined' || !('fonts' in document)) return;
  await Promise.all(COMMON_FONTS.map((f) => document.fonts.load(f).catch(() => [])));
}

function startLoading(): Loading {
  failed = false;
  const started: Loading = import('./katex-plugin.ts').then(
    async (m) => {
      await loadCommonFonts();
      return [...m.mathPlugins];
    },
    () => {
      failed = true;
      return null;
    },
  );
  void started.then((value) => {
    started.status = 'fulfilled';
    started.value = value;
  });
  loading = started;
  return started;
}

/**
 * Loads KaTeX (its rehype plugins, CSS and common fonts) once. Never rejects: it resolves to null
 * when the chunk could not be fetched (offline before it was ever cached); calling it again then
 * tries again.
 */
export function loadMathPlugins(): Promise<MathPlugins | null> {
  return loading && !failed ? loading : startLoading();
}

/** The KaTeX plugins if they have loaded already, else null. */
export const loadedMathPlugins = (): MathPlugins | null => loading?.value ?? null;

/**
 * The KaTeX plugins for Markdown that may contain math, null for Markdown without. While KaTeX
 * loads, this suspends (the nearest Suspense shows a placeholder) rather than let the math paint
 * as TeX source. Only if KaTeX cannot be loaded at all does the math show as its source, as code.
 */
export function useMathPlugins(markdown: string): MathPlugins | null {
  if (!mayContainMath(markdown)) return null;
  // After a failed load, the same settled promise: no new fetch per render.
  const pending: Promise<MathPlugins | null> = loading ?? startLoading();
  return use(pending);
}
