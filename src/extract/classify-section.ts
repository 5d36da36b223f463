/**
 * Classification pass: what a section of a directive does — report results, set targets,
 * assign tasks, or only state aims — read from its heading.
 */
import { foldDiacritics } from './vietnamese-text.js';

export type SectionKind = 'results' | 'targets' | 'tasks' | 'aims';

const RULES: ReadonlyArray<[RegExp, SectionKind]> = [
  [
    /^(?:ve )?(?:muc dich|yeu cau|quan diem|phuong cham|pham vi|doi tuong|nguyen tac|muc tieu tong quat|muc tieu chung|dinh huong)/,
    'aims',
  ],
  [
    /(?:chi tieu|muc tieu cu the|muc tieu chu yeu|phuong huong, muc tieu|^muc tieu|^cac muc tieu|khau dot pha)/,
    'targets',
  ],
  [/(?:ket qua|tinh hinh|danh gia|ton tai|han che|nguyen nhan|bai hoc)/, 'results'],
  [
    /(?:^noi dung|nhiem vu|giai phap|to chuc thuc hien|trach nhiem|phan cong|de nghi|kien nghi|giao |chi dao|hieu luc thi hanh)/,
    'tasks',
  ],
];

/** The kind a heading announces; null when it names none (the parent's kind then holds). */
export function classifySection(heading: string): SectionKind | null {
  const h = foldDiacritics(heading.slice(0, 160))
    .replace(/^ve\s+/, '')
    .trim();
  for (const [re, kind] of RULES) if (re.test(h)) return kind;
  return null;
}
