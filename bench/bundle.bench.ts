// The built bundle: initial JavaScript (the entry and what it imports statically) against the
// budget, and each chunk loaded on demand. Builds into a temporary folder with a manifest.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { BenchRow } from './table.ts';

interface ManifestChunk {
  file: string;
  src?: string;
  isDynamicEntry?: boolean;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const KB = 1024;
export const INITIAL_GZIP_BUDGET_KB = 150;

function sizes(dir: string, file: string): { raw: number; gzip: number } {
  const bytes = readFileSync(join(dir, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export async function run(): Promise<BenchRow[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'recall-bundle-'));
  try {
    await build({
      logLevel: 'silent',
      build: { outDir, manifest: true, emptyOutDir: true },
    });
    const manifest = JSON.parse(
      readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'),
    ) as Record<string, ManifestChunk>;
    const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
    if (!entryKey) throw new Error('The build has no entry chunk.');
    const initial = new Set<string>();
    const visit = (key: string) => {
      if (initial.has(key)) return;
      initial.add(key);
      for (const dep of manifest[key]?.imports ?? []) visit(dep);
    };
    visit(entryKey);

    let raw = 0;
    let gzip = 0;
    for (const key of initial) {
      const s = sizes(outDir, manifest[key]!.file);
      raw += s.raw;
      gzip += s.gzip;
    }
    const rows: BenchRow[] = [
      {
        name: `bundle: initial JS (${initial.size} files), raw`,
        value: raw / KB,
        unit: 'KB',
      },
      {
        name: 'bundle: initial JS, gzip',
        value: gzip / KB,
        unit: 'KB',
        target: `<= ${INITIAL_GZIP_BUDGET_KB} KB gzip`,
        ok: gzip / KB <= INITIAL_GZIP_BUDGET_KB,
      },
    ];
    // The Stats screen as its lazy import loads it: its chunk and every chunk it imports that the
    // initial load has not already brought (d3-array, the figures), CSS included.
    const statsKey = Object.keys(manifest).find(
      (k) => manifest[k]?.isDynamicEntry && /stats-screen|stats-container/.test(k),
    );
    if (statsKey) {
      const closure = new Set<string>();
      const walk = (key: string) => {
        if (closure.has(key) || initial.has(key)) return;
        closure.add(key);
        for (const dep of manifest[key]?.imports ?? []) walk(dep);
      };
      walk(statsKey);
      let statsGzip = 0;
      let statsRaw = 0;
      for (const key of closure) {
        const chunk = manifest[key]!;
        for (const file of [chunk.file, ...(chunk.css ?? [])]) {
          const s = sizes(outDir, file);
          statsGzip += s.gzip;
          statsRaw += s.raw;
        }
      }
      rows.push({
        name: `bundle: Stats screen chunk (${closure.size} files, with CSS)`,
        value: statsGzip / KB,
        unit: 'KB gzip',
        baselineName: 'raw',
        baselineValue: statsRaw / KB,
      });
    }
    const lazy = Object.entries(manifest)
      .filter(([key, c]) => !initial.has(key) && c.file.endsWith('.js'))
      .map(([key, c]) => ({ key, ...sizes(outDir, c.file) }))
      .sort((a, b) => b.gzip - a.gzip);
    const named = lazy.slice(0, 12);
    for (const c of named) {
      rows.push({
        name: `bundle: lazy ${c.key.replace(/^.*node_modules\//, '').slice(0, 48)}`,
        value: c.gzip / KB,
        unit: 'KB gzip',
        baselineName: 'raw',
        baselineValue: c.raw / KB,
      });
    }
    const rest = lazy.slice(named.length);
    if (rest.length > 0) {
      rows.push({
        name: `bundle: ${rest.length} smaller lazy chunks`,
        value: rest.reduce((n, c) => n + c.gzip, 0) / KB,
        unit: 'KB gzip',
        baselineName: 'raw',
        baselineValue: rest.reduce((n, c) => n + c.raw, 0) / KB,
      });
    }
    return rows;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
