// Bundles every Markdown file under the decks folder into the app at build time, as the module
// `virtual:recall-decks`. RECALL_DECKS_DIR points it at another folder (the browser benchmark
// builds the app with a generated 10,000-card deck that way). Under `npm start` the dev server's
// watcher reloads the page when a deck is added, edited or removed.
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
  const isDeck = (file: string) => file.startsWith(root + sep) && isMarkdown(file);
  let serving = false;
  return {
    name: 'recall-decks',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      // The dev server turns watch files into imports of the module, and a folder cannot be
      // imported: there configureServer below watches the decks instead.
      if (!serving) this.addWatchFile(root);
      const files = filesUnder(root, isMarkdown).map((file) => {
        if (!serving) this.addWatchFile(file);
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
      // The decks are read once when the app starts, so a changed deck reloads the page; stored
      // progress lives in IndexedDB and survives it.
      const reload = (path: string) => {
        server.config.logger.info(`${relative(server.config.root, path)} changed: page reload`, {
          timestamp: true,
        });
        for (const environment of Object.values(server.environments)) {
          const mod = environment.moduleGraph.getModuleById(RESOLVED);
          if (mod) environment.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload', path: '*' });
      };
      server.watcher.add(root);
      for (const event of ['add', 'change', 'unlink'] as const)
        server.watcher.on(event, (file: string) => {
          if (isDeck(resolve(file))) reload(file);
        });
      // A removed sub-folder takes its decks with it.
      server.watcher.on('unlinkDir', (folder: string) => {
        if (resolve(folder).startsWith(root + sep)) reload(folder);
      });
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
