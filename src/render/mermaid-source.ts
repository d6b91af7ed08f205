/**
 * Cleans a diagram's source before Mermaid sees it. `securityLevel: 'strict'` already ignores
 * `%%{init}%%` attempts to loosen security and disables `click` callbacks; removing both here is
 * a second line of defence that does not depend on Mermaid's config merging. A deck never sets
 * the app's look either: theme, theme variables, CSS and fonts in YAML front matter are removed
 * as `%%{init}%%` is (a bad `themeVariables` colour also stuck in Mermaid's global config and
 * broke every later diagram; `themeCSS: url(…)` made the browser fetch).
 */
export function cleanMermaidSource(source: string): string {
  const text = source
    .replace(/\r\n?/g, '\n')
    .replace(/%%\{[\s\S]*?\}%%/g, '')
    .split('\n')
    .filter((line) => !/^\s*click\s/i.test(line))
    .join('\n');
  // Last, on the text exactly as Mermaid will get it: a removed line cannot uncover front matter.
  return withoutRemoteImages(withoutThemeSettings(text.trim()));
}

/**
 * A diagram never loads an image: Mermaid fetches `<img>` in a label and a shape's `img:` while
 * it lays the diagram out, before anyone could be asked. Both are removed (issue 10).
 */
export function withoutRemoteImages(text: string): string {
  return text
    .replace(/<img\b[^>]*>?/gi, '')
    .replace(/\bimg\s*:\s*(?:"[^"]*"|'[^']*'|[^,}\n]*)/gi, 'img: ""');
}

/**
 * Mermaid's own front matter pattern (after its line-ending clean-up, and allowing the end of
 * the text after the closing line), so that whatever Mermaid would read as front matter is seen.
 */
const FRONT_MATTER = /^([^\S\n]*)-{3}\s*\n([\s\S]*?)\n\1-{3}\s*(?:\n|$)/;
/** The front matter keys Mermaid reads; anything else it ignores. */
const TOP_KEYS = new Set(['title', 'displayMode', 'config']);
/** Config keys that set the look: theme, themeVariables, themeCSS, fontFamily, darkMode, … */
const LOOK_KEY = /theme|css|font|darkmode|dompurify/i;
/** `key: value` or `key:`, the key plain or quoted without escapes. */
const KEY_LINE = /^( *)(?:"([\w-]+)"|'([\w-]+)'|([A-Za-z_][\w-]*))[ \t]*:(?:[ \t]+(.*))?$/;
/** Values whose YAML can nest or refer to other keys: flow maps and lists, anchors, tags, blocks. */
const COMPLEX_VALUE = /^[{[&*!|>%@`<]/;

/**
 * The diagram with its front matter reduced to what a deck may set: the title, the display mode
 * and config other than the look. Front matter the line reader cannot follow (flow style,
 * anchors, lists, tabs) keeps only its title lines. `text` is trimmed, as Mermaid gets it.
 */
export function withoutThemeSettings(text: string): string {
  const match = FRONT_MATTER.exec(text);
  if (!match) return text;
  const kept: string[] = [];
  let skipDeeperThan = -1;
  let followed = true;
  for (const line of match[2]!.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const m = KEY_LINE.exec(line);
    const indent = line.length - line.trimStart().length;
    if (skipDeeperThan >= 0 && indent > skipDeeperThan) continue;
    skipDeeperThan = -1;
    const key = m ? (m[2] ?? m[3] ?? m[4]!) : '';
    const value = (m?.[5] ?? '').trim();
    if (!m || COMPLEX_VALUE.test(value)) {
      followed = false;
      break;
    }
    if (indent === 0 ? !TOP_KEYS.has(key) : LOOK_KEY.test(key)) {
      skipDeeperThan = indent;
      continue;
    }
    kept.push(line);
  }
  const lines = followed
    ? kept
    : match[2]!
        .split('\n')
        .filter((l) => /^(?:title|displayMode)[ \t]*:[ \t]+[^{[&*!|>%@`<\s]/.test(l));
  const rest = text.slice(match[0].length);
  // Mermaid reads the first front matter only; once this one is gone, the next would be first.
  return lines.length > 0
    ? `---\n${lines.join('\n')}\n---\n${rest}`
    : withoutThemeSettings(rest.trim());
}

/** A one-line, bounded error message for a diagram that failed to render. */
export function describeMermaidError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const line = raw.split('\n').find((l) => l.trim() !== '') ?? 'Unknown error';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

const MERMAID_FENCE = /^([ \t>]*)(`{3,}|~{3,})[ \t]*mermaid\b[^`]*$/;

/**
 * The sources of the ```mermaid blocks in Markdown, as the renderer hands them to MermaidDiagram
 * (the fence's indentation and `>` prefix removed from each line), to draw them ahead of time.
 */
export function mermaidBlocks(markdown: string): string[] {
  if (!markdown.includes('mermaid')) return [];
  const blocks: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = MERMAID_FENCE.exec(lines[i]!);
    if (!open) continue;
    const prefix = open[1]!;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!.startsWith(prefix)
        ? lines[j]!.slice(prefix.length)
        : lines[j]!.replace(/^[ \t>]*/, '');
      if (
        line.trim().startsWith(fence[0]!.repeat(fence.length)) &&
        line.trim().replace(/[`~]/g, '') === ''
      )
        break;
      body.push(line);
    }
    blocks.push(body.join('\n'));
    i = j;
  }
  return blocks;
}
