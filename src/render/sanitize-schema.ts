import type { Options as SanitizeSchema } from 'rehype-sanitize';
import { defaultSchema } from 'rehype-sanitize';

/**
 * What raw HTML and Markdown in a card may produce, applied before KaTeX, callouts, Mermaid and
 * highlighting add their own (trusted) markup. GitHub's rules plus:
 * - the classes remark-math puts on math (`language-math`, `math-inline`, `math-display`), so
 *   math survives to reach KaTeX;
 * - `align`/`width`/`height` layout attributes (already allowed on every element by default);
 * - `details`/`summary` (already allowed).
 * Narrowed: `<source srcset>` is dropped, so a `<picture>` shows only its `<img>`, whose URL goes
 * through urls.ts and the per-deck consent for remote images.
 * Still refused: `style`, every `on*` handler, `<script>`/`<iframe>`/`<object>`/`<svg>`/`<style>`,
 * and any URL scheme other than http(s)/mailto (relative URLs pass; urls.ts resolves them).
 * Class names are limited to known values rather than any class, so deck HTML cannot borrow the
 * app's own styles (for example to fake a rating button).
 */
const MATH_CLASSES = ['language-math', 'math-inline', 'math-display'];
const defaults = defaultSchema.attributes ?? {};

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaults,
    code: [['className', /^language-./, ...MATH_CLASSES]],
    // `cloze`: a cloze deletion (deck/styles/cloze.ts), coloured as Anki colours it.
    span: [...(defaults.span ?? []), ['className', ...MATH_CLASSES, 'cloze']],
    div: [...(defaults.div ?? []), ['className', ...MATH_CLASSES]],
    img: [...(defaults.img ?? []), 'align', 'width', 'height'],
    // A srcset would load another host's image without passing the consent gate of `img`.
    source: [],
    td: [...(defaults.td ?? []), 'align', 'width', 'height'],
    th: [...(defaults.th ?? []), 'align', 'width', 'height'],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    // data: is narrowed to image types by urls.ts, which runs after this.
    src: ['http', 'https', 'data'],
  },
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template'],
};
