/**
 * Segmentation pass: splits normalised text into paragraphs and arranges the numbered
 * ones into the outline the document prints (I. → 1. → 1.1. → (1) → a) → - → +).
 */

export type MarkerKind = 'article' | 'roman' | 'arabic' | 'dotted' | 'paren' | 'letter' | 'dash' | 'plus';

export interface Marker {
  readonly kind: MarkerKind;
  /** The label as printed without its punctuation: "IV", "2", "2.1", "(1)", "a", "-". */
  readonly label: string;
}

/** One paragraph of the normalised text. */
export interface Paragraph {
  readonly start: number;
  readonly end: number;
  /** The paragraph without its marker. */
  readonly body: string;
  readonly bodyStart: number;
  readonly marker: Marker | null;
}

/** A numbered item with the paragraphs that follow it up to the next item at its level or above. */
export interface OutlineNode {
  readonly paragraph: Paragraph | null;
  readonly depth: number;
  /** Unnumbered paragraphs directly under this item, before its first child. */
  readonly content: Paragraph[];
  readonly children: OutlineNode[];
  parent: OutlineNode | null;
  /** 1-based position among the siblings with the same kind of marker. */
  readonly ordinal: number;
  /** Unnumbered paragraphs that come after the children (a closing paragraph). */
  readonly trailing: Paragraph[];
}

const MARKER_PATTERNS: ReadonlyArray<[MarkerKind, RegExp]> = [
  ['article', /^(Điều\s+(\d{1,3}))\s*[.:]\s*/u],
  ['roman', /^(([IVX]{1,5}))\s*[.\-–)]\s+(?=\S)/u],
  ['dotted', /^((\d{1,2}(?:\.\d{1,2}){1,3}))\.?\s*[.\-–)]?\s+(?=\S)/u],
  ['arabic', /^((\d{1,3}))\s*[.\-–)]\s*(?=\p{L}|\()/u],
  ['paren', /^(\((\d{1,3})\))\s*/u],
  ['letter', /^(([a-zđ]))\)\s*(?=\S)/u],
  ['dash', /^([-–—•●▪]())\s*(?=\S)/u],
  ['plus', /^(\+())\s*(?=\S)/u],
];

/** The list marker a paragraph starts with, and where its body begins. */
export function readMarker(line: string): { marker: Marker; length: number } | null {
  for (const [kind, re] of MARKER_PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const raw = m[2] ?? '';
    const label = kind === 'paren' ? `(${raw})` : kind === 'dash' ? '-' : kind === 'plus' ? '+' : raw;
    // "2. Tồn tại" is a list item, but "2.000 tỷ" or "5 xã" is not
    if (kind === 'arabic' && /^\d+[.,]\d/.test(line)) continue;
    return { marker: { kind, label }, length: m[0].length };
  }
  return null;
}

/** Splits the text into non-empty paragraphs (one per line) with their markers. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed) {
      const start = pos + lead;
      const m = readMarker(trimmed);
      out.push({
        start,
        end: start + trimmed.length,
        body: m ? trimmed.slice(m.length) : trimmed,
        bodyStart: m ? start + m.length : start,
        marker: m ? m.marker : null,
      });
    }
    pos = nl + 1;
  }
  return out;
}

function newNode(
  paragraph: Paragraph | null,
  depth: number,
  parent: OutlineNode | null,
  ordinal: number,
): OutlineNode {
  return { paragraph, depth, content: [], children: [], parent, trailing: [], ordinal };
}

/**
 * Builds the outline: a marker kind seen for the first time opens a deeper level; one seen
 * before closes every level below it. Bullets (- and +) always nest under the latest item.
 */
export function buildOutline(paragraphs: readonly Paragraph[]): OutlineNode {
  const root = newNode(null, 0, null, 0);
  const counts = new Map<OutlineNode, Map<MarkerKind, number>>();
  const stack: { kind: MarkerKind; node: OutlineNode }[] = [];
  for (const p of paragraphs) {
    if (isEndOfBody(p)) break;
    if (!p.marker) {
      if (isClosingAssignment(p.body) && stack.length > 0) stack.length = 1;
      // a bullet is one paragraph: plain text after bullets belongs to the item above them
      while (stack.length > 1 && isBullet(stack.at(-1)?.kind)) stack.pop();
      const holder = stack.at(-1)?.node ?? root;
      if (holder.children.length) holder.trailing.push(p);
      else holder.content.push(p);
      continue;
    }
    const kind = p.marker.kind;
    const at = stack.findIndex((s) => s.kind === kind);
    if (at >= 0) stack.length = at;
    const parent = stack.at(-1)?.node ?? root;
    const seen = counts.get(parent) ?? new Map<MarkerKind, number>();
    counts.set(parent, seen);
    const ordinal = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, ordinal);
    const node = newNode(p, stack.length + 1, parent, ordinal);
    parent.children.push(node);
    stack.push({ kind, node });
  }
  return root;
}

function isBullet(kind: MarkerKind | undefined): boolean {
  return kind === 'dash' || kind === 'plus';
}

/** "Nơi nhận:", the signature block or the footnotes: the body of the document is over. */
function isEndOfBody(p: Paragraph): boolean {
  return /^(?:Nơi nhận|T\/M\b|TM\.|KT\.|TL\.|TUQ\.|[⁰¹²³⁴⁵⁶⁷⁸⁹])/u.test(p.body) && !p.marker;
}

/** A paragraph that hands the whole document to named bodies ("... tổ chức thực hiện Kết luận này"). */
export function isClosingAssignment(body: string): boolean {
  return (
    /^\p{Lu}/u.test(body) &&
    /(?:Kết luận|Nghị quyết|Kế hoạch|Chỉ thị|Quyết định|Thông báo|Chương trình|Đề án) này/u.test(body) &&
    !/^(?:Kết luận|Nghị quyết|Kế hoạch|Chỉ thị|Quyết định|Thông báo|Chương trình|Đề án) này/u.test(body)
  );
}

/** The printed path of a node, e.g. "IV.1", "2.3.1", "III.8-bullet2". */
export function sectionPath(node: OutlineNode): string {
  const labels: string[] = [];
  for (let n: OutlineNode | null = node; n?.paragraph; n = n.parent) {
    const m = n.paragraph.marker;
    if (!m) break;
    if (m.kind === 'dash' || m.kind === 'plus') {
      labels.unshift(`${m.kind === 'dash' ? 'bullet' : 'plus'}${n.ordinal}`);
    } else if (m.kind === 'article') labels.unshift(`Điều ${m.label}`);
    else labels.unshift(m.label);
  }
  let path = '';
  let last = '';
  for (const l of labels) {
    if (/^(bullet|plus)/.test(l)) path += path.includes('-bullet') ? `.${l}` : `-${l}`;
    else if (last && l.startsWith(`${last}.`)) path = `${path.slice(0, path.length - last.length)}${l}`;
    else path += path ? `.${l}` : l;
    last = l;
  }
  return path;
}
