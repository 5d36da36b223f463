import { describe, expect, it } from 'vitest';
import { buildOutline, readMarker, sectionPath, splitParagraphs } from './segment-outline.js';

describe('readMarker', () => {
  it('reads every numbering style directives use', () => {
    expect(readMarker('IV. TỔ CHỨC THỰC HIỆN')?.marker).toEqual({ kind: 'roman', label: 'IV' });
    expect(readMarker('II- PHƯƠNG HƯỚNG')?.marker).toEqual({ kind: 'roman', label: 'II' });
    expect(readMarker('Điều 2. Mục tiêu')?.marker).toEqual({ kind: 'article', label: '2' });
    expect(readMarker('3. Nhiệm vụ')?.marker).toEqual({ kind: 'arabic', label: '3' });
    expect(readMarker('1- Sau gần 02 năm')?.marker).toEqual({ kind: 'arabic', label: '1' });
    expect(readMarker('3.12. Lãnh đạo')?.marker).toEqual({ kind: 'dotted', label: '3.12' });
    expect(readMarker('(14) Tỷ lệ xã')?.marker).toEqual({ kind: 'paren', label: '(14)' });
    expect(readMarker('a) Ủy ban nhân dân')?.marker).toEqual({ kind: 'letter', label: 'a' });
    expect(readMarker('- Tiếp tục')?.marker).toEqual({ kind: 'dash', label: '-' });
    expect(readMarker('+ Đối với dự án')?.marker).toEqual({ kind: 'plus', label: '+' });
  });
  it('does not read a number that starts a sentence as a list marker', () => {
    expect(readMarker('2.000 tỷ đồng được bố trí')).toBeNull();
    expect(readMarker('100% xã đạt chuẩn')).toBeNull();
  });
});

describe('buildOutline', () => {
  const text = [
    'III. NHIỆM VỤ',
    '1. Đảng ủy UBND tỉnh chỉ đạo:',
    '- Xây dựng phương án (Hoàn thành trong tháng 02/2025).',
    '- Rà soát thủ tục.',
    '2. Các cấp ủy đảng chỉ đạo.',
    '2.1. Việc thứ nhất.',
    'Một đoạn tiếp theo của mục 2.1.',
    'IV. TỔ CHỨC THỰC HIỆN',
    'Nơi nhận:',
    '- Như trên,',
  ].join('\n');
  const root = buildOutline(splitParagraphs(text));

  it('nests items under the heading above them', () => {
    const [iii, iv] = root.children;
    expect(iii?.children.map((c) => c.paragraph?.marker?.label)).toEqual(['1', '2']);
    expect(iii?.children[0]?.children).toHaveLength(2);
    expect(iv?.paragraph?.body).toBe('TỔ CHỨC THỰC HIỆN');
  });
  it('keeps an unnumbered paragraph with the item it continues', () => {
    const item21 = root.children[0]?.children[1]?.children[0];
    expect(item21?.content.map((c) => c.body)).toEqual(['Một đoạn tiếp theo của mục 2.1.']);
  });
  it('stops at "Nơi nhận:" so the distribution list is no part of the body', () => {
    expect(root.children[1]?.children).toHaveLength(0);
  });
  it('prints the numbering path of an item', () => {
    const bullet = root.children[0]?.children[0]?.children[1];
    expect(bullet && sectionPath(bullet)).toBe('III.1-bullet2');
    const dotted = root.children[0]?.children[1]?.children[0];
    expect(dotted && sectionPath(dotted)).toBe('III.2.1');
  });
});
