/**
 * Text from `pdftotext -bbox-layout`: poppler's reading order (columns and table cells kept
 * apart, unlike `-layout`) with each word and its box, so words can be joined without the
 * plain mode's "dehyphenation", which deletes a hyphen that ends a line and so turns
 * "21-NQ/TU" into "21NQ/TU" and "2022-2025" into "20222025".
 */

interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly height: number;
}

const TAG =
  /<page width="([\d.]+)"[^>]*>|<(block|line)\b[^>]*>|<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g;

/** The five entities pdftotext writes; it never writes numeric ones. */
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const unescapeXml = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_entity, name: string) => ENTITIES[name] ?? '');

/**
 * Poppler also splits a word where the font changes ("21" + bold "-NQ/TU"); only a gap wider
 * than a tenth of the font size (the line box is ~1.3 font sizes tall) is a space.
 */
function joinWords(words: readonly Word[]): string {
  let out = '';
  let previous: Word | undefined;
  for (const word of words) {
    const gap = previous ? word.xMin - previous.xMax : 0;
    out += previous && gap > 0.08 * Math.max(word.height, previous.height) ? ` ${word.text}` : word.text;
    previous = word;
  }
  return out;
}

/** A hyphen, dash or slash glued to the word before it, ending a line ("21-", "2022-", "GRDP/"). */
const GLUED_BREAK = /[\p{L}\p{N}][-\u2010\u2013/]$/u;

/**
 * How a line joins the one before it in the same block. A line was wrapped, not broken, when
 * the next one starts at the block's left edge and its first word would not have fitted
 * before the page's right text edge: then the two are one paragraph and join with a space,
 * or with nothing after a glued hyphen, since Vietnamese never hyphenates syllables and the
 * mark belongs to a number or code ("21-|NQ/TU", "2022-|2025"). A long line ending that way
 * is taken as wrapped even when the geometry is unclear. Short lines (a list of recipients)
 * and centred ones (a header's) stay as they are.
 */
function separator(previous: Line, next: Line, left: number, right: number): string {
  const last = previous.words[previous.words.length - 1];
  const first = next.words[0];
  if (!last || !first) return '\n';
  const em = Math.max(last.height, first.height) / 1.3;
  const glued = GLUED_BREAK.test(previous.text) && /^[\p{L}\p{N}]/u.test(first.text);
  const startsAtEdge = first.xMin - left < 0.15 * em;
  const wouldOverflow = last.xMax + (glued ? 0 : 0.25 * em) + (first.xMax - first.xMin) > right;
  if (startsAtEdge && wouldOverflow) return glued ? '' : ' ';
  return glued && previous.text.length >= 22 ? '' : '\n';
}

interface Line {
  readonly words: readonly Word[];
  readonly text: string;
}

/** A block's lines as text; `right` is the page's right text edge (its widest line's end). */
function joinBlock(wordLines: readonly (readonly Word[])[], right: number): string {
  const lines: Line[] = wordLines
    .filter((w) => w.length > 0)
    .map((words) => ({ words, text: joinWords(words) }));
  const left = lines.reduce((min, l) => Math.min(min, l.words[0]?.xMin ?? min), Infinity);
  return lines
    .map((line, i) => (i === 0 ? '' : separator(lines[i - 1] ?? line, line, left, right)) + line.text)
    .join('');
}

interface Page {
  /** Pages of one width share a text area; its right edge is their widest line's end. */
  readonly width: string;
  readonly blocks: Word[][][];
}

function rightEdges(pages: readonly Page[]): Map<string, number> {
  const edges = new Map<string, number>();
  for (const page of pages) {
    let right = edges.get(page.width) ?? -Infinity;
    for (const block of page.blocks)
      for (const line of block) right = Math.max(right, line.at(-1)?.xMax ?? right);
    edges.set(page.width, right);
  }
  return edges;
}

/** Each page's text; blocks (poppler's paragraphs) are separated by a blank line. */
export function pdfLayoutToText(xhtml: string): string[] {
  const pages: Page[] = [];
  let lines: Word[][] | undefined;
  let words: Word[] | undefined;
  for (const match of xhtml.matchAll(TAG)) {
    const [, width, tag, xMin, yMin, xMax, yMax, text] = match;
    if (width !== undefined) {
      pages.push({ width: Number(width).toFixed(0), blocks: [] });
      lines = words = undefined;
    } else if (tag === 'block') {
      lines = [];
      pages.at(-1)?.blocks.push(lines);
      words = undefined;
    } else if (tag === 'line') {
      words = [];
      lines?.push(words);
    } else {
      words?.push({
        text: unescapeXml(text ?? ''),
        xMin: Number(xMin),
        xMax: Number(xMax),
        height: Number(yMax) - Number(yMin),
      });
    }
  }
  const edges = rightEdges(pages);
  return pages.map((page) =>
    page.blocks
      .map((block) => joinBlock(block, edges.get(page.width) ?? Infinity))
      .filter((paragraph) => paragraph !== '')
      .join('\n\n'),
  );
}
