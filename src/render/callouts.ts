import type { Element, ElementContent, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Callouts: GitHub alert blockquotes (`> [!NOTE] Title`, `> [!TIP]-` collapsed, `> [!TIP]+`
 * open), which the deck loader makes from mkdocs admonitions, become
 * `<aside class="callout callout-note" role="note">` or `<details class="callout …">`.
 * Runs after sanitizing, on already-safe content, so its own classes and roles are not filtered.
 */

export type CalloutKind =
  | 'note'
  | 'abstract'
  | 'info'
  | 'tip'
  | 'success'
  | 'question'
  | 'warning'
  | 'failure'
  | 'danger'
  | 'bug'
  | 'example'
  | 'quote';

// mkdocs-material's type names and aliases, plus GitHub's IMPORTANT and CAUTION.
const ALIASES: Record<string, CalloutKind> = {
  note: 'note',
  seealso: 'note',
  abstract: 'abstract',
  summary: 'abstract',
  tldr: 'abstract',
  info: 'info',
  todo: 'info',
  tip: 'tip',
  hint: 'tip',
  important: 'tip',
  success: 'success',
  check: 'success',
  done: 'success',
  question: 'question',
  help: 'question',
  faq: 'question',
  warning: 'warning',
  caution: 'warning',
  attention: 'warning',
  failure: 'failure',
  fail: 'failure',
  missing: 'failure',
  danger: 'danger',
  error: 'danger',
  bug: 'bug',
  example: 'example',
  quote: 'quote',
  cite: 'quote',
};

export const CALLOUT_ICONS: Record<CalloutKind, string> = {
  note: '✎',
  abstract: '☰',
  info: 'ℹ',
  tip: '✦',
  success: '✔',
  question: '?',
  warning: '⚠',
  failure: '✘',
  danger: '⚡',
  bug: '✱',
  example: '▤',
  quote: '❝',
};

export function calloutKind(type: string): CalloutKind {
  return ALIASES[type.toLowerCase()] ?? 'note';
}

const MARKER = /^\s*\[!([A-Za-z][\w-]*)\]([+-]?)[ \t]*/;

interface Parsed {
  type: string;
  fold: '' | '+' | '-';
  title: ElementContent[];
  rest: ElementContent[];
}

/** Splits the first paragraph into marker, title (its first line) and the rest. */
function parseFirstParagraph(p: Element): Parsed | null {
  const [first, ...others] = p.children;
  if (first?.type !== 'text') return null;
  const match = MARKER.exec(first.value);
  if (!match) return null;
  const inlines: ElementContent[] = [
    { type: 'text', value: first.value.slice(match[0].length) },
    ...others,
  ];
  const title: ElementContent[] = [];
  let i = 0;
  for (; i < inlines.length; i++) {
    const node = inlines[i] as ElementContent;
    if (node.type === 'element' && node.tagName === 'br') {
      i++;
      break;
    }
    if (node.type === 'text' && node.value.includes('\n')) {
      const cut = node.value.indexOf('\n');
      title.push({ type: 'text', value: node.value.slice(0, cut) });
      inlines[i] = { type: 'text', value: node.value.slice(cut + 1) };
      break;
    }
    title.push(node);
  }
  return {
    type: match[1] as string,
    fold: match[2] as Parsed['fold'],
    title: trimTitle(title),
    rest: inlines.slice(i),
  };
}

/** Trims whitespace and mkdocs-style surrounding quotes (`"Title"`) from a title. */
function trimTitle(nodes: ElementContent[]): ElementContent[] {
  const out = nodes.filter((n) => n.type !== 'text' || n.value !== '');
  const head = out[0];
  const tail = out[out.length - 1];
  if (head?.type === 'text') head.value = head.value.replace(/^\s*"?/, '');
  if (tail?.type === 'text') tail.value = tail.value.replace(/"?\s*$/, '');
  return out.filter((n) => n.type !== 'text' || n.value !== '');
}

function isBlank(nodes: ElementContent[]): boolean {
  return nodes.every((n) => n.type === 'text' && n.value.trim() === '');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function element(
  tagName: string,
  properties: Element['properties'],
  children: ElementContent[],
): Element {
  return { type: 'element', tagName, properties, children };
}

/** Rewrites one blockquote in place if it is a callout. */
function toCallout(node: Element): void {
  const firstIndex = node.children.findIndex((c) => c.type === 'element');
  const firstChild = node.children[firstIndex];
  if (firstChild?.type !== 'element' || firstChild.tagName !== 'p') return;
  const parsed = parseFirstParagraph(firstChild);
  if (!parsed) return;

  const kind = calloutKind(parsed.type);
  const titleText: ElementContent[] =
    parsed.title.length > 0 ? parsed.title : [{ type: 'text', value: capitalise(parsed.type) }];
  const body: ElementContent[] = [];
  if (!isBlank(parsed.rest)) body.push(element('p', {}, parsed.rest));
  body.push(...node.children.slice(firstIndex + 1));

  const collapsible = parsed.fold !== '';
  const icon = element('span', { className: ['callout-icon'], ariaHidden: 'true' }, [
    { type: 'text', value: CALLOUT_ICONS[kind] } satisfies Text,
  ]);
  const heading = element(collapsible ? 'summary' : 'div', { className: ['callout-title'] }, [
    icon,
    element('span', {}, titleText),
  ]);
  node.tagName = collapsible ? 'details' : 'aside';
  node.properties = collapsible
    ? { className: ['callout', `callout-${kind}`], open: parsed.fold === '+' }
    : { className: ['callout', `callout-${kind}`], role: 'note' };
  node.children = [heading, element('div', { className: ['callout-body'] }, body)];
}

/** Rehype plugin: GitHub alert blockquotes → callouts. */
export function rehypeCallouts() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'blockquote') toCallout(node);
    });
  };
}
