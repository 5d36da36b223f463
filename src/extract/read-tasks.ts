/**
 * Task pass: the lowest numbered items of the sections that assign work, the bullets that
 * name their own owner or deadline, and the closing paragraph that hands the document to
 * named bodies — each with its lead (its own, else its heading's), support and deadline.
 */
import type { Deadline, ExtractWarning, Task } from './types.js';
import type { OutlineNode, Paragraph } from './segment-outline.js';
import { isClosingAssignment, sectionPath } from './segment-outline.js';
import type { SectionInfo } from './describe-sections.js';
import { classifySection } from './classify-section.js';
import { isSpecificBody, readLead } from './read-lead.js';
import { readDeadline, readSectionTimeFrame } from './read-deadline.js';
import { yearOfPeriod } from './read-periods.js';

interface Context {
  readonly text: string;
  readonly sections: ReadonlyMap<OutlineNode, SectionInfo>;
  readonly warnings: ExtractWarning[];
  readonly tasks: Task[];
}

interface Inherited {
  readonly lead: string | null;
  readonly timeFrame: Deadline | null;
}

/** Reads every task of the outline, in document order. */
export function readTasks(
  text: string,
  root: OutlineNode,
  sections: ReadonlyMap<OutlineNode, SectionInfo>,
  warnings: ExtractWarning[],
): Task[] {
  const ctx: Context = { text, sections, warnings, tasks: [] };
  for (const child of root.children) visit(ctx, child, { lead: null, timeFrame: null });
  return ctx.tasks;
}

const isBullet = (n: OutlineNode) =>
  n.paragraph?.marker?.kind === 'dash' || n.paragraph?.marker?.kind === 'plus';

function visit(ctx: Context, node: OutlineNode, inherited: Inherited): void {
  const info = ctx.sections.get(node);
  const p = node.paragraph;
  if (!info || !p) return;
  const inTasks = info.kind === 'tasks' || (info.kind === null && ownerOf(p.body) !== null);
  if (!inTasks) {
    const scope = headingScope(node, info, inherited);
    for (const child of node.children) visit(ctx, child, scope);
    return;
  }
  const numberedChildren = node.children.filter((c) => !isBullet(c));
  const bullets = node.children.filter(isBullet);
  const scope = headingScope(node, info, inherited);

  if (numberedChildren.length > 0) {
    // a section or group heading: its children are the items
    for (const child of node.children) {
      if (isBullet(child)) readItem(ctx, child, scope);
      else visit(ctx, child, scope);
    }
    readClosing(ctx, node, inherited);
    return;
  }
  if (info.isHeading && isSectionTitle(p.body) && !hasOwnWork(node)) {
    for (const child of bullets) readItem(ctx, child, scope);
    readClosing(ctx, node, inherited);
    return;
  }
  if (info.isHeading && classifySection(p.body) !== null && bullets.length === 0) {
    // "IV. TỔ CHỨC THỰC HIỆN" over plain paragraphs: each that hands work to a body is a task
    readClosing(ctx, node, inherited, [...node.content, ...node.trailing], '');
    return;
  }
  readItem(ctx, node, inherited);
}

/** The lead and time frame an item hands down to the items under it. */
function headingScope(node: OutlineNode, info: SectionInfo, inherited: Inherited): Inherited {
  const p = node.paragraph;
  let lead = inherited.lead;
  if (p) {
    const owner = info.isHeading ? ownerOf(p.body) : null;
    if (owner) lead = owner;
    for (const c of node.content) {
      if (c.body.trim().endsWith(':')) {
        const intro = readLead(c.body, { intro: true }).lead;
        if (intro) lead = intro;
      }
    }
    if (!owner && p.body.trim().endsWith(':')) lead = readLead(p.body, { intro: true }).lead ?? lead;
  }
  const year = yearOfPeriod(info.period);
  const frame = [...(p ? [p] : []), ...node.content]
    .map((x) => readSectionTimeFrame(x.body, x.bodyStart, year))
    .find((f) => f !== null);
  const timeFrame: Deadline | null = frame
    ? { date: frame.date, text: frame.text, span: frame.span }
    : inherited.timeFrame;
  return { lead, timeFrame };
}

/** The body an owner heading names: "1. Sở Nội vụ", "2. Đối với Đảng ủy Ủy ban nhân dân tỉnh", "1. Đảng ủy UBND tỉnh chỉ đạo:". */
function ownerOf(heading: string): string | null {
  const h = heading.trim().replace(/^Đối với\s+/u, '');
  if (h.length > 160 || /[.;]\s/.test(h)) return null;
  const reading = readLead(
    /(?:chủ trì|chỉ đạo|lãnh đạo|thực hiện)\s*:$/u.test(h) ? h : `${h.replace(/:$/, '')} thực hiện`,
  );
  return reading.lead;
}

/** A heading that only titles a section ("Nhiệm vụ trọng tâm", "Tổ chức thực hiện"). */
function isSectionTitle(body: string): boolean {
  return body.length < 160 && !/[.;]$/.test(body.trim());
}

/** Whether an item says something of its own beyond its heading (a paragraph under it). */
function hasOwnWork(node: OutlineNode): boolean {
  return node.content.some((c) => !c.body.trim().endsWith(':'));
}

function readItem(ctx: Context, node: OutlineNode, inherited: Inherited): void {
  const p = node.paragraph;
  if (!p) return;
  const info = ctx.sections.get(node);
  const bullets = node.children.filter(isBullet);
  const ownIntro = node.content.length === 0 && introducesList(p.body);
  const scope = headingScope(node, info ?? { kind: 'tasks', period: null, isHeading: false }, inherited);
  const year = yearOfPeriod(info?.period ?? null);
  const selfLead = readLead(p.body).lead;
  // bullets of an item that only introduces them are all tasks; otherwise those that name their own owner or deadline
  const bulletTasks = new Set(bullets.filter((b) => ownIntro || standsAlone(b, year)));
  const merged: Paragraph[] = [];
  const collect = (n: OutlineNode) => {
    for (const c of n.children) {
      if (bulletTasks.has(c)) continue;
      if (c.paragraph) merged.push(c.paragraph);
      merged.push(...c.content);
      collect(c);
    }
  };
  collect(node);
  const nestedTasks = bullets
    .filter((b) => !bulletTasks.has(b))
    .flatMap((b) => b.children.filter((c) => standsAlone(c, year)));
  const isHeadingOnly =
    ownIntro ||
    (node.content.length === 0 && bulletTasks.size > 0 && merged.length === 0 && isOnlyOwner(p.body));
  const closing = node.trailing.filter((t) => isClosingAssignment(t.body));
  const nestedParagraphs = new Set(nestedTasks.map((t) => t.paragraph));
  if (!isHeadingOnly) {
    const trailing = node.trailing.filter((t) => !closing.includes(t));
    const own = [p, ...node.content, ...merged.filter((m) => !nestedParagraphs.has(m)), ...trailing];
    emit(
      ctx,
      node,
      own.sort((a, b) => a.start - b.start),
      inherited,
    );
  }
  const childScope: Inherited = { lead: selfLead ?? scope.lead, timeFrame: scope.timeFrame };
  for (const b of bulletTasks) readItem(ctx, b, childScope);
  for (const t of nestedTasks) readItem(ctx, t, childScope);
  readClosing(ctx, node, inherited, closing);
}

/** An item that only introduces the list under it: an owner ("Đảng ủy UBND tỉnh chỉ đạo:") or "... các nhiệm vụ sau:". */
function introducesList(body: string): boolean {
  const b = body.trim();
  if (!b.endsWith(':')) return false;
  return (
    (b.length < 120 && ownerOf(b) !== null) ||
    /(?:nhiệm vụ|giải pháp|nội dung|công việc|việc)[^.]{0,60}sau(?: đây)?\s*:$/u.test(b)
  );
}

function isOnlyOwner(body: string): boolean {
  return ownerOf(body) !== null && body.length < 120;
}

/** A bullet is a task of its own when it names its own owner or its own deadline. */
function standsAlone(node: OutlineNode, year: number | null): boolean {
  const p = node.paragraph;
  if (!p) return false;
  if (readLead(p.body).lead) return true;
  return readDeadline(p.body, p.bodyStart, { year }).deadline !== null;
}

function emit(ctx: Context, node: OutlineNode, parts: readonly Paragraph[], inherited: Inherited): void {
  const first = parts[0];
  if (!first) return;
  const info = ctx.sections.get(node);
  const year = yearOfPeriod(info?.period ?? null);
  const pieces = parts.map((x, i) => (i === 0 ? x.body : ctx.text.slice(x.start, x.end)));
  const text = pieces.join('\n');
  const headingOwner = info?.isHeading ? ownerOf(first.body) : null;
  const own = headingOwner
    ? parts[1]
      ? readLead(parts[1].body)
      : { lead: null, support: [] }
    : readLead(first.body);
  const lead = own.lead ?? headingOwner ?? inherited.lead ?? findSentenceLead(parts);
  const found = readDeadlineOver(parts, year, ctx);
  const deadline = found.deadline ?? inherited.timeFrame;
  const last = parts.at(-1) ?? first;
  ctx.tasks.push({
    text,
    lead,
    support: own.support,
    deadline,
    section: sectionPath(node),
    ...(found.done ? { done: true as const } : {}),
    span: [first.bodyStart, last.end],
  });
}

/** A later sentence of the item that opens with its doer ("... UBND cấp huyện rà soát, ..."). */
function findSentenceLead(parts: readonly Paragraph[]): string | null {
  for (const part of parts) {
    for (const sentence of part.body.split(/(?<=[.;])\s+(?=\p{Lu})/u).slice(1)) {
      const lead = readLead(sentence).lead;
      if (lead && isSpecificBody(lead)) return lead;
    }
  }
  return null;
}

function readDeadlineOver(
  parts: readonly Paragraph[],
  year: number | null,
  ctx: Context,
): { deadline: Deadline | null; done: boolean } {
  for (const part of parts) {
    const r = readDeadline(part.body, part.bodyStart, { year });
    ctx.warnings.push(...r.warnings);
    if (r.deadline) return { deadline: r.deadline, done: r.done };
  }
  return { deadline: null, done: false };
}

/** Closing paragraphs after an item's children that hand the work to named bodies. */
function readClosing(
  ctx: Context,
  node: OutlineNode,
  inherited: Inherited,
  paragraphs = node.trailing,
  suffix = '-closing',
): void {
  for (const p of paragraphs) {
    const lead = readLead(p.body).lead;
    if (!lead) continue;
    const info = ctx.sections.get(node);
    const year = yearOfPeriod(info?.period ?? null);
    const r = readDeadline(p.body, p.bodyStart, { year });
    ctx.warnings.push(...r.warnings);
    ctx.tasks.push({
      text: p.body,
      lead,
      support: readLead(p.body).support,
      deadline: r.deadline ?? inherited.timeFrame,
      section: `${sectionPath(node)}${suffix}`,
      ...(r.done ? { done: true as const } : {}),
      span: [p.bodyStart, p.end],
    });
  }
}
