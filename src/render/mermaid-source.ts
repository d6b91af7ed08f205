/**
 * Cleans a diagram's source before Mermaid sees it. `securityLevel: 'strict'` already ignores
 * `%%{init}%%` attempts to loosen security and disables `click` callbacks; removing both here is
 * a second line of defence that does not depend on Mermaid's config merging.
 */
export function cleanMermaidSource(source: string): string {
  return source
    .replace(/%%\{[\s\S]*?\}%%/g, '')
    .split('\n')
    .filter((line) => !/^\s*click\s/i.test(line))
    .join('\n')
    .trim();
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
