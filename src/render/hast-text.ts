import type { ElementContent, Element } from 'hast';

/** The text content of a hast node (what `textContent` would give in the DOM). */
export function hastText(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(hastText).join('');
  return '';
}

/** The first child element with this tag name. */
export function childElement(node: Element | undefined, tagName: string): Element | undefined {
  return node?.children.find((c): c is Element => c.type === 'element' && c.tagName === tagName);
}
