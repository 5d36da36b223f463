/**
 * Describes every outline node: what its section does (results, targets, tasks, aims),
 * the period it is about, and whether the item is only a heading.
 */
import { classifySection, type SectionKind } from './classify-section.js';
import { readPeriods, yearOfPeriod } from './read-periods.js';
import { readLead } from './read-lead.js';
import type { OutlineNode } from './segment-outline.js';

export interface SectionInfo {
  readonly kind: SectionKind | null;
  /** The period the section is about, inherited from its ancestors when its heading names none. */
  readonly period: string | null;
  /** The item is a title over other items or paragraphs, not a statement of its own. */
  readonly isHeading: boolean;
}

/** Whether a numbered item reads as a heading: short, no sentence, something under it. */
export function isHeadingItem(node: OutlineNode): boolean {
  const p = node.paragraph;
  if (!p) return true;
  const hasBelow = node.children.length > 0 || node.content.length > 0;
  const body = p.body.trim();
  if (!hasBelow) return false;
  if (body.endsWith(':')) return true;
  return body.length <= 160 && !/[.;]$/.test(body);
}

/** The section description of every node of the outline (the root included). */
export function describeSections(root: OutlineNode, docPeriod: string | null): Map<OutlineNode, SectionInfo> {
  const out = new Map<OutlineNode, SectionInfo>();
  const visit = (node: OutlineNode, parent: SectionInfo) => {
    const heading = isHeadingItem(node);
    const body = node.paragraph?.body ?? '';
    // an item that introduces a list says what the list is at its end ("... một số nhiệm vụ sau:")
    const intro = body.trim().endsWith(':') ? body.slice(-120) : body;
    const own = node.paragraph && heading ? classifySection(intro) : null;
    const inheritedYear = yearOfPeriod(parent.period) ?? yearOfPeriod(docPeriod);
    const opening = node.content[0]?.body.slice(0, 60) ?? '';
    const ownPeriod = node.paragraph
      ? [
          ...readPeriods(heading ? body : (body.split(/[.;:]\s/)[0] ?? ''), inheritedYear),
          ...readPeriods(opening, inheritedYear),
        ].find((m) => m.period && !/^\d{4}-\d\d$/.test(m.period))
      : undefined;
    // "III. Các Đảng ủy xã, phường trong tỉnh": a heading naming a body gives it work
    const owner =
      !own && node.paragraph && heading && readLead(`${body.replace(/:$/, '')} thực hiện`).lead !== null;
    const info: SectionInfo = {
      kind: own ?? (owner ? 'tasks' : parent.kind),
      period: ownPeriod?.period ?? parent.period,
      isHeading: node.paragraph ? heading : false,
    };
    out.set(node, info);
    for (const child of node.children) visit(child, info);
  };
  visit(root, { kind: null, period: docPeriod, isHeading: false });
  return out;
}
