// The deck:check command as a person runs it: real process, exit status, pure JSON on stdout.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bombDeck, generatedBombs } from './fixtures/bombs/generate.ts';

/** Cards of tests/fixtures/bombs/bombs.md that the render limits refuse. */
const SMALL_BOMBS_REFUSED = 3;

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const run = (...args: string[]) =>
  spawnSync(tsx, ['scripts/deck-check.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });

describe('npm run deck:check', () => {
  it('prints a line per file and exits 0 for the bundled decks', () => {
    const r = run('decks');
    expect(r.status).toBe(0);
    // The one warning: a `[text]((url))` link (see the content-warnings test below).
    expect(r.stdout).toContain(
      'decks/ml-interview-questions.md: 9 cards (mkdocs tabs), 1 warning, 0 errors',
    );
  });

  // Issue 13: the report names the style each file was read in, in text and in --json.
  it('reports the detected style per file', () => {
    const r = run('tests/fixtures/styles/admonition-title.md', 'tests/fixtures/decks/no-cards.md');
    expect(r.stdout).toContain(
      'tests/fixtures/styles/admonition-title.md: 6 cards (question admonitions), 2 warnings, 0 errors',
    );
    expect(r.stdout).toContain(
      'tests/fixtures/decks/no-cards.md: 0 cards (no style found), 1 warning',
    );
    const json = run('--json', 'tests/fixtures/styles/heading-collapsible.md');
    const out = JSON.parse(json.stdout) as { files: { deck: { style: string } }[] };
    expect(out.files[0]!.deck.style).toBe('heading-collapsible');
  }, 30_000);

  it('prints path:line diagnostics and exits 1 when a file has an error', () => {
    const r = run('tests/fixtures/decks/problems.md');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      'tests/fixtures/decks/problems.md: 3 cards (mkdocs tabs), 2 warnings, 2 errors',
    );
    expect(r.stdout).toMatch(/^tests\/fixtures\/decks\/problems\.md:1: error: .*no "Answer" tab/m);
  });

  it('--json prints one JSON object and nothing else on stdout', () => {
    const r = run('--json', 'decks/ml-interview-questions.md', 'tests/fixtures/decks/ids.md');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      files: {
        path: string;
        deck: { id: string; title: string; style: string | null };
        cards: { id: string; question: string; answer: string; line: number; section: string[] }[];
        diagnostics: { line: number; severity: string; message: string }[];
      }[];
    };
    expect(out.files.map((f) => f.path)).toEqual([
      'decks/ml-interview-questions.md',
      'tests/fixtures/decks/ids.md',
    ]);
    expect(out.files[0]!.deck).toEqual({
      id: 'ml-interview-questions',
      title: 'ML interview questions',
      style: 'mkdocs-tabs',
    });
    expect(out.files[0]!.cards).toHaveLength(9);
    expect(Object.keys(out.files[0]!.cards[0]!).sort()).toEqual([
      'answer',
      'id',
      'line',
      'question',
      'section',
    ]);
    expect(out.files[1]!.diagnostics[0]).toEqual({
      line: 26,
      severity: 'warning',
      message: expect.stringContaining('same question'),
    });
  });

  // Guards the README's JSON command against npm's "> script" banner on stdout (.npmrc is not silent).
  it("README's --json command, run through npm, prints only JSON on stdout", () => {
    const line = readFileSync('README.md', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('npm run') && l.includes('deck:check') && l.includes('--json'));
    expect(line).toBeDefined();
    const command = line!.replace(/#.*$/, '').trim().replace('decks/my.md', 'decks/');
    const r = spawnSync(command, { shell: true, encoding: 'utf8', cwd: process.cwd() });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { files: { path: string }[] };
    expect(out.files.map((f) => f.path)).toContain('decks/ml-interview-questions.md');
  });

  it('warns at file:line about formulas KaTeX cannot render and [text]((url)) links', () => {
    const r = run('decks/ml-interview-questions.md', 'tests/fixtures/math-cards.md');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^decks\/ml-interview-questions\.md:84: warning: The link \[Refer this SE question\]\(\(…\)\) has double parentheses.*write \[Refer this SE question\]\(https:\/\/datascience\.stackexchange\.com\/questions\/31041\/what-does-logits-in-machine-learning-mean\)\.$/m,
    );
    expect(r.stdout).toMatch(
      /^tests\/fixtures\/math-cards\.md:64: warning: KaTeX cannot render the formula `\\frac\{1\}\{2`/m,
    );
    // \text{ema_param}, \mbox{top_k}, \text{50% of R&D}: rendered after the renderer's rewrites.
    expect(r.stdout).toContain(
      'tests/fixtures/math-cards.md: 3 cards (mkdocs tabs), 2 warnings, 0 errors',
    );
    expect(r.stdout).toMatch(
      /^tests\/fixtures\/math-cards\.md:68: warning: KaTeX cannot render the formula `\\begin\{matrix\}/m,
    );
  });

  // Guards deck:check stalling on the render-bomb corpus (KaTeX on a 300×300 matrix, remark on a
  // 9 MB nested list): cards the app will not draw are reported, not parsed.
  it('reports cards too big to draw instead of parsing them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-check-'));
    try {
      writeFileSync(join(dir, 'bombs.md'), bombDeck());
      const r = run(join(dir, 'bombs.md'));
      const tooBig = r.stdout.split('\n').filter((l) => l.includes('shows this card’s source'));
      expect(r.stdout).toContain('nests lists or quotes 4,000 deep');
      expect(r.stdout).toMatch(/This card is 9,\d{3},\d{3} characters long/);
      expect(tooBig.length).toBe(
        generatedBombs().filter((b) => b.refused).length + SMALL_BOMBS_REFUSED,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  // Guards against one diagnostic quoting a whole 100k-character line of a pathological file.
  it('quotes at most a short piece of a pathological one-line-per-block file', () => {
    const long = 'x'.repeat(100_000);
    const deck = [
      '# Bomb',
      '!!! Question ""',
      '    === "Question"',
      `        ${'Why '.repeat(25_000)}`,
      '    === "Answer"',
      `        $\\frac{${long}$`,
      `    === "${long}"`,
      '        x',
      `    <!-- id: ${'a'.repeat(100_000)} -->`,
      '!!! Question ""',
      `    <!-- id: ${'a'.repeat(100_000)} -->`,
      '    === "Question"',
      '        Again',
      '    === "Answer"',
      `        [${long}]((${long}))`,
      '',
      `        ${'`'.repeat(50_000)}${long}`,
      `${'~'.repeat(100_000)}${long}`,
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'deck-check-'));
    try {
      writeFileSync(join(dir, 'bomb.md'), deck);
      const r = run(join(dir, 'bomb.md'));
      expect(r.status).toBe(1);
      const lines = r.stdout.trimEnd().split('\n');
      // Unknown tab, pinned id used twice, two unclosed fences, a link, and both cards too big
      // to draw (so the formula is not parsed).
      expect(lines).toHaveLength(8);
      // Each quote is at most ~120 characters; the line adds the message and the temporary path.
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(400);
      expect(r.stdout).toContain('…');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Guards: `drill.md` and `-Drill-.md` gave one deck id with no warning.
  it('tells apart two files whose names give one deck id, warning on both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-check-'));
    const card = '!!! Question ""\n    === "Question"\n        Q?\n    === "Answer"\n        A\n';
    try {
      mkdirSync(join(dir, 'decks'));
      writeFileSync(join(dir, 'decks', 'drill.md'), card);
      writeFileSync(join(dir, 'decks', '-Drill-.md'), card);
      const r = run('--json', join(dir, 'decks'));
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as {
        files: { deck: { id: string }; diagnostics: { message: string }[] }[];
      };
      expect(out.files.map((f) => f.deck.id)).toEqual(['drill', 'drill~2']);
      expect(out.files[0]!.diagnostics[0]!.message).toContain('drill.md (now "drill~2")');
      expect(out.files[1]!.diagnostics[0]!.message).toContain('-Drill-.md (keeps "drill")');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a missing path with a message on stderr', () => {
    const r = run('no/such/file.md');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no such file or folder');
  });

  it('rejects an unknown option with the usage on stderr and nothing on stdout', () => {
    const r = run('--jsno', 'decks');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage');
  });
});
