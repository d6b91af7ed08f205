// Every Q&A style reader other than the native mkdocs tabs (which parse-deck.ts reads itself).
// A style's file adds its one entry here.
import type { DeckStyle } from '../../shared/types.ts';
import { admonitionTitleStyle } from './admonition-title.ts';
import { boldStyle } from './bold.ts';
import { clozeStyle } from './cloze.ts';
import { detailsStyle } from './details.ts';
import { headingCollapsibleStyle } from './heading-collapsible.ts';
import { headingStyle } from './heading.ts';
import { qaStyle } from './qa.ts';
import { obsidianSrStyle } from './obsidian-sr.ts';
import type { StyleEntry } from './style-types.ts';

export const STYLE_ENTRIES: Partial<Record<DeckStyle, StyleEntry>> = {
  'admonition-title': admonitionTitleStyle,
  'heading-collapsible': headingCollapsibleStyle,
  details: detailsStyle,
  heading: headingStyle,
  bold: boldStyle,
  cloze: clozeStyle,
  qa: qaStyle,
  'obsidian-sr': obsidianSrStyle,
};
