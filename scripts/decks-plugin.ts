// Bundles every Markdown file under the decks folder into the app at build time, as the module
// `virtual:recall-decks`. RECALL_DECKS_DIR points it at another folder (the browser benchmark
// builds the app with a generated 10,000-card deck that way).
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:recall-decks';
const RESOLVED = `\0${ID}`;

const isMarkdown = (name: string) => name.toLowerCase().endsWith('.md');

export function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (keep(name)) out.push(full);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

export function decksPlugin(dir = process.env.RECALL_DECKS_DIR ?? 'decks'): Plugin {
  const root = resolve(dir);
  return {
    name: 'recall-decks',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      this.addWatchFile(root);
      const files = filesUnder(root, isMarkdown).map((file) => {
        this.addWatchFile(file);
        return [relative(root, file).split(sep).join('/'), readFileSync(file, 'utf8')];
      });
      return `export default ${JSON.stringify(files)};`;
    },
    // Images and other files next to the decks, so relative links in cards work.
    generateBundle() {
      for (const file of filesUnder(root, (n) => !isMarkdown(n))) {
        const fileName = `decks/${relative(root, file).split(sep).join('/')}`;
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
      }
    },
    configureServer(server) {
      server.middlewares.use('/decks', (req, res, next) => {
        const file = resolve(root, `.${decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')}`);
        if (!file.startsWith(root + sep) || !existsSync(file) || statSync(file).isDirectory())
          return next();
        res.setHeader(
          'Content-Type',
          MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        );
        createReadStream(file).pipe(res);
      });
    },
  };
}
