import { useEffect, useState } from 'react';
import type { Options } from 'react-markdown';
import { mayContainMath } from './math-delimiters.ts';

type Plugin = NonNullable<Options['rehypePlugins']>[number];

let loaded: Plugin | null = null;
let loading: Promise<Plugin> | null = null;

function loadKatexPlugin(): Promise<Plugin> {
  if (!loading) {
    loading = import('./katex-plugin.ts').then((m) => {
      loaded = [m.rehypeKatex, m.KATEX_OPTIONS];
      return loaded;
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** The rehype-katex plugin if it has loaded already, else null. */
export const loadedMathPlugin = (): Plugin | null => loaded;

/**
 * The rehype-katex plugin once it has loaded, or null while it loads (the math shows as source
 * meanwhile) and for Markdown without math. After the first load it is available synchronously.
 */
export function useMathPlugin(markdown: string): Plugin | null {
  const needed = mayContainMath(markdown);
  const [plugin, setPlugin] = useState<Plugin | null>(loaded);
  useEffect(() => {
    if (!needed || plugin) return;
    let live = true;
    loadKatexPlugin().then(
      (p) => {
        if (live) setPlugin(() => p);
      },
      () => {
        // Offline or a failed chunk: the math stays as readable source.
      },
    );
    return () => {
      live = false;
    };
  }, [needed, plugin]);
  return needed ? (plugin ?? loaded) : null;
}
