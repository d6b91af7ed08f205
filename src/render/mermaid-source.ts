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
