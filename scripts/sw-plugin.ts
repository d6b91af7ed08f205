// Emits sw.js at build time with the list of every file of the build, so the app works offline.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const TEMPLATE = new URL('../src/sw/service-worker.js', import.meta.url);

/**
 * Fonts KaTeX ships in older formats: every browser that runs Recall takes the woff2. And the
 * FSRS optimizer's WebAssembly (1.7 MB): only Settings → Optimize loads it, so it is cached on
 * first use (the fetch handler caches what it serves) instead of on every first visit.
 */
const SKIP = /\.(woff|ttf|wasm)$/;

export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'recall-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => !SKIP.test(f) && !f.endsWith('.map'))
        .sort();
      const precache = [
        ...new Set(['./', './index.html', './favicon.svg', ...files.map((f) => `./${f}`)]),
      ];
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(TEMPLATE, 'utf8')
        .replace('__RECALL_VERSION__', version)
        .replace('__RECALL_PRECACHE__', JSON.stringify(precache));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
