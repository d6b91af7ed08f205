import type { Element, ElementContent, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { calloutKind, rehypeCallouts } from './callouts.ts';

const text = (value: string): ElementContent => ({ type: 'text', value });
const el = (tagName: string, children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties: {},
  children,
});
/** A blockquote as remark-rehype makes it: newline text nodes between block children. */
const quote = (...blocks: Element[]): Element =>
  el('blockquote', [text('\n'), ...blocks.flatMap((b) => [b, text('\n')])]);

function run(node: Element): Element {
  const tree: Root = { type: 'root', children: [node] };
  rehypeCallouts()(tree);
  return tree.children[0] as Element;
}

/** Plain text of a node, for compact assertions. */
function textOf(node: ElementContent): string {
  return node.type === 'text'
    ? node.value
    : 'children' in node
      ? node.children.map(textOf).join('')
      : '';
}

function child(node: Element, i: number): Element {
  return node.children[i] as Element;
}

describe('rehypeCallouts', () => {
  it('turns an alert blockquote into an aside with a title row and body', () => {
    const out = run(
      quote(el('p', [text('[!NOTE] Heads up\nThe body '), el('em', [text('here')])])),
    );
    expect(out.tagName).toBe('aside');
    expect(out.properties).toEqual({ className: ['callout', 'callout-note'], role: 'note' });
    const title = child(out, 0);
    expect(title.tagName).toBe('div');
    expect(title.properties.className).toEqual(['callout-title']);
    expect(child(title, 0).properties).toMatchObject({ ariaHidden: 'true' });
    expect(textOf(child(title, 1))).toBe('Heads up');
    const body = child(out, 1);
    expect(body.properties.className).toEqual(['callout-body']);
    expect(textOf(body)).toBe('The body here\n');
  });

  it('keeps inline markup in the title', () => {
    const out = run(
      quote(el('p', [text('[!TIP] Use '), el('strong', [text('this')]), text('\nbody')])),
    );
    const titleSpan = child(child(out, 0), 1);
    expect(titleSpan.children.map((c) => (c.type === 'element' ? c.tagName : c.type))).toEqual([
      'text',
      'strong',
    ]);
    expect(textOf(child(out, 1)).trim()).toBe('body');
  });

  it('defaults the title to the capitalised type and keeps later blocks', () => {
    const out = run(quote(el('p', [text('[!warning]')]), el('p', [text('Careful.')])));
    expect(out.properties.className).toEqual(['callout', 'callout-warning']);
    expect(textOf(child(child(out, 0), 1))).toBe('Warning');
    const body = child(out, 1);
    expect(body.children.filter((c) => c.type === 'element')).toHaveLength(1);
    expect(textOf(body).trim()).toBe('Careful.');
  });

  it('strips mkdocs-style quotes around the title', () => {
    const out = run(quote(el('p', [text('[!INFO] "Quoted title"\nx')])));
    expect(textOf(child(child(out, 0), 1))).toBe('Quoted title');
  });

  it('makes - collapsible closed and + collapsible open', () => {
    const closed = run(quote(el('p', [text('[!TIP]- More\nhidden')])));
    expect(closed.tagName).toBe('details');
    expect(closed.properties.open).toBe(false);
    expect(child(closed, 0).tagName).toBe('summary');
    const open = run(quote(el('p', [text('[!TIP]+ More\nshown')])));
    expect(open.properties.open).toBe(true);
  });

  it('falls back to note styling for unknown types but keeps their name as title', () => {
    const out = run(quote(el('p', [text('[!custom]\nx')])));
    expect(out.properties.className).toEqual(['callout', 'callout-note']);
    expect(textOf(child(child(out, 0), 1))).toBe('Custom');
  });

  it('converts nested callouts too', () => {
    const inner = quote(el('p', [text('[!BUG] Inner\nbug body')]));
    const out = run(quote(el('p', [text('[!EXAMPLE] Outer\nouter body')]), inner));
    const nested = child(out, 1).children.find(
      (c): c is Element => c.type === 'element' && c.tagName === 'aside',
    );
    expect(nested?.properties.className).toEqual(['callout', 'callout-bug']);
  });

  it('leaves ordinary blockquotes alone', () => {
    const plain = quote(el('p', [text('Just a [quote]')]));
    expect(run(plain).tagName).toBe('blockquote');
    const link = quote(el('p', [el('a', [text('[!NOTE]')])]));
    expect(run(link).tagName).toBe('blockquote');
  });
});

describe('calloutKind', () => {
  it('maps mkdocs and GitHub aliases', () => {
    expect(calloutKind('Summary')).toBe('abstract');
    expect(calloutKind('hint')).toBe('tip');
    expect(calloutKind('IMPORTANT')).toBe('tip');
    expect(calloutKind('caution')).toBe('warning');
    expect(calloutKind('error')).toBe('danger');
    expect(calloutKind('faq')).toBe('question');
    expect(calloutKind('nonsense')).toBe('note');
  });
});
