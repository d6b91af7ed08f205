import { describe, expect, it } from 'vitest';
import { isExternalUrl, remoteHost, resolveDeckUrl } from './urls.ts';

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

// Guards issue 10: every way of naming another host is seen, so no remote image loads unasked.
describe('remoteHost', () => {
  it('names the host of absolute and protocol-relative URLs, however they are written', () => {
    expect(remoteHost('https://i.imgur.com/a.png')).toBe('i.imgur.com');
    expect(remoteHost(' HTTP://Example.COM/a.png')).toBe('example.com');
    expect(remoteHost('//cdn.example.com/x.png')).toBe('cdn.example.com');
    expect(remoteHost('/\\evil.example/x.png')).toBe('evil.example');
    expect(remoteHost('https:evil.example/x.png')).toBe('evil.example');
    expect(remoteHost('https://deck.invalid/x.png')).toBe('deck.invalid');
    expect(remoteHost('http:evil.example/x.png')).toBe('evil.example');
  });

  it('is null for what stays on the app origin', () => {
    expect(remoteHost('./decks/img/a.png')).toBeNull();
    expect(remoteHost('/decks/a.png')).toBeNull();
    expect(remoteHost('data:image/png;base64,AAAA')).toBeNull();
    expect(remoteHost('blob:https://x/1')).toBeNull();
    expect(remoteHost('')).toBeNull();
  });
});
