import { describe, expect, it } from 'vitest';
import { canonicalNumber, findDocumentNumbers, numberKey, readReferences } from './read-references.js';

const refs = (text: string, own: string | null = null) =>
  readReferences(text, own).map((r) => [r.number, r.date] as const);

describe('readReferences: the ways a document is cited', () => {
  it('reads "Nghị quyết số 105/2023/QH15 ngày 10 tháng 11 năm 2023" with its date', () => {
    expect(refs('Căn cứ Nghị quyết số 105/2023/QH15 ngày 10 tháng 11 năm 2023 của Quốc hội;')).toEqual([
      ['105/2023/QH15', '2023-11-10'],
    ]);
  });
  it('reads the Party form "Kết luận số 726-KL/TU ngày 05/12/2023"', () => {
    expect(refs('Thực hiện Kết luận số 726-KL/TU ngày 05/12/2023 của Ban Chấp hành')).toEqual([
      ['726-KL/TU', '2023-12-05'],
    ]);
  });
  it('reads "Quyết định 489/QĐ-TTg ngày 10/6/2024" written without "số"', () => {
    expect(refs('triển khai Quyết định 489/QĐ-TTg ngày 10/6/2024 của Thủ tướng')).toEqual([
      ['489/QĐ-TTg', '2024-06-10'],
    ]);
  });
  it('reads "Nghị quyết số 57-NQ/TW, ngày 22/12/2024" with a comma before the date', () => {
    expect(refs('Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị')).toEqual([
      ['57-NQ/TW', '2024-12-22'],
    ]);
  });
  it('gives a null date to "Nghị quyết số 11-NQ/TU" cited without one', () => {
    expect(refs('Ban hành Nghị quyết số 11-NQ/TU về đổi mới')).toEqual([['11-NQ/TU', null]]);
  });
  it('removes stray spaces: "27/NQ- TW" is "27/NQ-TW", "Đề án số 01 - ĐA/TU" is "01-ĐA/TU"', () => {
    expect(refs('Nghị quyết số 27/NQ- TW và Đề án số 01 - ĐA/TU của Ban Thường vụ')).toEqual([
      ['27/NQ-TW', null],
      ['01-ĐA/TU', null],
    ]);
  });
  it('reads Government, ministry and provincial numbers: NĐ-CP, TT-BTC, CT-TTg, BC-UBND, QĐ-UBND', () => {
    const text =
      'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020; Thông tư 01/2024/TT-BTC; Chỉ thị số 21/CT-TTg; ' +
      'Báo cáo số 198/BC-UBND ngày 04 tháng 12 năm 2023; Quyết định số 3126/QĐ-UBND ngày 12/12/2024.';
    expect(refs(text).map(([n]) => n)).toEqual([
      '30/2020/NĐ-CP',
      '01/2024/TT-BTC',
      '21/CT-TTg',
      '198/BC-UBND',
      '3126/QĐ-UBND',
    ]);
  });
  it('reads a công văn numbered with one separator when it is introduced ("công văn số 2596-CV")', () => {
    expect(refs('Thực hiện công văn số 2596-CV ngày 09/4/2024 của Ban Thường vụ')).toEqual([
      ['2596-CV', '2024-04-09'],
    ]);
  });
  it('reads a law cited by its number ("Luật số 47/2019/QH14")', () => {
    expect(refs('Căn cứ Luật số 47/2019/QH14 ngày 22 tháng 11 năm 2019;')).toEqual([
      ['47/2019/QH14', '2019-11-22'],
    ]);
  });
  it('reads citations in footnotes, which the normaliser puts at the end', () => {
    const text =
      'Tiếp tục cải cách hành chính.\n\n¹ Chỉ thị số 28-CT/TU ngày 10/8/2022 của Ban Thường vụ Tỉnh ủy\n';
    expect(refs(text)).toEqual([['28-CT/TU', '2022-08-10']]);
  });
});

describe('readReferences: each number once', () => {
  it('keeps the first mention and its span', () => {
    const text = 'Nghị quyết số 21-NQ/TU ngày 24/3/2022; thực hiện Nghị quyết số 21-NQ/TU.';
    const found = readReferences(text, null);
    expect(found).toHaveLength(1);
    expect(found[0]?.span).toEqual([14, 22]);
  });
  it('takes the date from the first mention that gives one', () => {
    expect(refs('Nghị quyết số 21-NQ/TU về phát triển; Nghị quyết số 21-NQ/TU ngày 24/3/2022')).toEqual([
      ['21-NQ/TU', '2022-03-24'],
    ]);
  });
  it('counts "27/NQ- TW" and "27/NQ-TW" as the same number', () => {
    expect(refs('Nghị quyết số 27/NQ- TW; Nghị quyết số 27/NQ-TW')).toHaveLength(1);
  });
});

describe('readReferences: what is not a reference', () => {
  it("leaves out the document's own number", () => {
    expect(
      refs('Số: 412/NQ-HĐND\nNghị quyết số 412/NQ-HĐND và Kết luận số 726-KL/TU', '412/NQ-HĐND'),
    ).toEqual([['726-KL/TU', null]]);
  });
  it('leaves out laws cited only by name and date', () => {
    expect(refs('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;')).toEqual([]);
  });
  it('leaves out numbers without a letter code ("Nghị quyết số 57", "Kết luận 123")', () => {
    expect(refs('triển khai Nghị quyết số 57 và Kết luận 123; Đoàn kiểm tra số 22')).toEqual([]);
  });
  it('leaves out forms, annexes and articles ("Mẫu số 01/BC", "Phụ lục số 2/KH")', () => {
    expect(refs('theo Mẫu số 01/BC và Phụ lục số 2/KH')).toEqual([]);
  });
  it('leaves out codes that are not cited documents ("COVID-19", "Km19+640", "F0/F1", "7/10 chỉ tiêu")', () => {
    expect(refs('phòng COVID-19 tại Km19+640, các ca F0/F1; đạt 7/10 chỉ tiêu; 24/63 tỉnh')).toEqual([]);
  });
  it('leaves a one-separator number that no document word introduces ("đạt 2596-CV")', () => {
    expect(refs('mã hồ sơ 2596-CV đã nhận')).toEqual([]);
  });
  it('does not take a date further in the sentence as the date of the citation', () => {
    expect(refs('Nghị quyết số 11-NQ/TU về đổi mới, ban hành trong tháng 3, ngày 05/3/2024')).toEqual([
      ['11-NQ/TU', null],
    ]);
  });
  it('gives a null date to a citation dated on an impossible day ("ngày 51/5/2024")', () => {
    expect(refs('công văn số 2689-CV/TU ngày 51/5/2024 của Ban thường vụ Tỉnh ủy')).toEqual([
      ['2689-CV/TU', null],
    ]);
  });
  it('finds nothing in an empty text', () => {
    expect(readReferences('', null)).toEqual([]);
  });
});

describe('document numbers', () => {
  it('are canonical without spaces and with plain dashes', () => {
    expect(canonicalNumber('27/NQ- TW')).toBe('27/NQ-TW');
    expect(canonicalNumber('01 – ĐA/TU')).toBe('01-ĐA/TU');
  });
  it('compare without case or the bar of Đ', () => {
    expect(numberKey('412/NQ-HĐND')).toBe(numberKey('412/nq-hdnd'));
  });
  it('are found with spans and separator counts', () => {
    expect(findDocumentNumbers('theo 45-KL/TU và 2596-CV', 10)).toMatchObject([
      { number: '45-KL/TU', span: [15, 23], separators: 2 },
      { number: '2596-CV', span: [27, 34], separators: 1 },
    ]);
  });
});

describe('readReferences on hostile input', () => {
  it('returns on 2 MB of "ngày 1/1/" repeats', () => {
    expect(readReferences('ngày 1/1/'.repeat(230_000), null)).toEqual([]);
  });
  it('returns on 2 MB of "Số: " repeats', () => {
    expect(readReferences('Số: '.repeat(520_000), null)).toEqual([]);
  });
  it('returns on 2 MB of citations, keeping each number once', () => {
    expect(readReferences('Kết luận số 1-KL/TU ngày 1/1/2025; '.repeat(60_000), null)).toHaveLength(1);
    expect(Array.isArray(readReferences('1-NQ/'.repeat(400_000), null))).toBe(true);
  });
});
