import { describe, expect, it } from 'vitest';
import { normaliseText } from './normalise-text.js';

describe('normaliseText', () => {
  it('joins a sentence broken by a page break ("tài\\n\\nnguyên")', () => {
    expect(normaliseText('sử dụng hiệu quả đất đai, tài\n\nnguyên và các nguồn lực.')).toBe(
      'sử dụng hiệu quả đất đai, tài nguyên và các nguồn lực.\n',
    );
  });
  it('keeps paragraphs that end a sentence apart', () => {
    expect(normaliseText('Câu thứ nhất.\n\nCâu thứ hai.')).toBe('Câu thứ nhất.\n\nCâu thứ hai.\n');
  });
  it('removes markdown emphasis and splits glued heading lines', () => {
    expect(normaliseText('**KẾT LUẬN**\n\nKẾT LUẬN**HỘI NGHỊ LẦN THỨ 32**')).toBe(
      'KẾT LUẬN\n\nKẾT LUẬN\nHỘI NGHỊ LẦN THỨ 32\n',
    );
  });
  it('reads LaTeX fragments: "$\\geq 50\\%$" becomes "≥ 50%"', () => {
    expect(normaliseText('đạt $\\geq 50\\%$ trong quý II.')).toBe('đạt ≥ 50% trong quý II.\n');
  });
  it('moves footnote text after the body and drops its mark, so the broken sentence joins up', () => {
    const out = normaliseText('các dự án lớn¹. Tăng\n\n¹ Như Khu phức hợp đô thị.\n\ncường rà soát.');
    expect(out).toBe('các dự án lớn. Tăng cường rà soát.\n\n¹ Như Khu phức hợp đô thị.\n');
  });
  it('composes decomposed Vietnamese (NFD) into NFC and drops control characters', () => {
    expect(normaliseText('Hu\u0300ng Yên\u0000\u200B')).toBe('Hùng Yên\n');
  });
  it('removes horizontal rules and HTML tags', () => {
    expect(normaliseText('Tiêu đề\n-----\nLưu VPTU<sup>Th.H</sup>')).toBe('Tiêu đề\n\nLưu VPTU\n');
  });
  it('returns an empty string for empty or blank input', () => {
    expect(normaliseText('')).toBe('');
    expect(normaliseText('  \n\n \t')).toBe('');
  });
});
