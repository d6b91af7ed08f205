import { describe, expect, it } from 'vitest';
import { isExternalUrl, resolveDeckUrl } from './urls.ts';

describe('resolveDeckUrl', () => {
  it('resolves relative URLs against the deck file folder', () => {
    expect(resolveDeckUrl('img/a.png', 'sub/x.md')).toBe('./decks/sub/img/a.png');
    expect(resolveDeckUrl('./img/a.png', 'x.md')).toBe('./decks/img/a.png');
    expect(resolveDeckUrl('../img/a.png?v=1#f', 'sub/deep/x.md')).toBe(
      './decks/sub/img/a.png?v=1#f',
    );
    expect(resolveDeckUrl('a b.png', 'x.md')).toBe('./decks/a%20b.png');
  });

  it('resolves against the decks root without a base path', () => {
    expect(resolveDeckUrl('img/a.png')).toBe('./decks/img/a.png');
  });

  it('cannot climb above the app root', () => {
    expect(resolveDeckUrl('../../../../etc/passwd', 'x.md')).toBe('./etc/passwd');
  });

  it('keeps http(s), mailto, anchors and root paths as written', () => {
    expect(resolveDeckUrl('https://example.com/a', 'x.md')).toBe('https://example.com/a');
    expect(resolveDeckUrl('HTTP://example.com', 'x.md')).toBe('HTTP://example.com');
    expect(resolveDeckUrl('mailto:a@b.c', 'x.md')).toBe('mailto:a@b.c');
    expect(resolveDeckUrl('#sec', 'x.md')).toBe('#sec');
    expect(resolveDeckUrl('//cdn.example.com/x.png', 'x.md')).toBe('//cdn.example.com/x.png');
  });

  it('refuses script and unknown schemes, however they are disguised', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      '\u0001javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
    ]) {
      expect(resolveDeckUrl(bad, 'x.md'), bad).toBeNull();
      expect(resolveDeckUrl(bad, 'x.md', true), bad).toBeNull();
    }
  });

  it('allows data: images only as image sources', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(resolveDeckUrl(png, 'x.md', true)).toBe(png);
    expect(resolveDeckUrl(png, 'x.md', false)).toBeNull();
    expect(resolveDeckUrl('data:text/plain,hi', 'x.md', true)).toBeNull();
  });
});

describe('isExternalUrl', () => {
  it('is true for http(s) and protocol-relative URLs only', () => {
    expect(isExternalUrl('https://a.b')).toBe(true);
    expect(isExternalUrl('//a.b')).toBe(true);
    expect(isExternalUrl('./decks/a.md')).toBe(false);
    expect(isExternalUrl('mailto:a@b.c')).toBe(false);
    expect(isExternalUrl('#x')).toBe(false);
  });
});
