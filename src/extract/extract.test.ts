import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from './extract.js';

// Documents written for these tests in the genre's formats (not the five samples), so the
// rules are checked on structures the samples do not have.
const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/extract/${name}`, import.meta.url), 'utf8');

describe('extract on a Government resolution (lettered targets, "TM. CHÍNH PHỦ")', () => {
  const r = extract(fixture('nghi-quyet-chinh-phu.txt'));

  it('reads the header: number, type, date, title and signer', () => {
    expect(r.document).toMatchObject({
      number: '01/NQ-CP',
      type: 'nghi_quyet',
      date: '2025-01-08',
      signer: 'Phạm Minh Chính',
    });
    expect(r.document.title).toMatch(/^Về nhiệm vụ, giải pháp chủ yếu/);
  });
  it('reads the lettered targets with their ops and the plan year', () => {
    expect(r.targets.slice(0, 5).map((t) => [t.op, t.lo, t.hi, t.unit, t.period])).toEqual([
      ['range', 6.5, 7, '%', '2025'],
      ['about', 4900, 4900, 'USD', '2025'],
      ['about', 24.1, 24.1, '%', '2025'],
      ['range', 4, 4.5, '%', '2025'],
      ['lt', null, 4, '%', '2025'],
    ]);
    expect(r.results).toEqual([]);
  });
  it('reads a lettered task led by "Bộ Tư pháp chủ trì, phối hợp với ..." with its quarter deadline', () => {
    const task = r.tasks.find((t) => t.text.startsWith('Bộ Tư pháp'));
    expect(task).toMatchObject({ lead: 'Bộ Tư pháp', support: ['các bộ, cơ quan ngang bộ'] });
    expect(task?.deadline?.date).toBe('2025-06-30');
  });
  it('gives the bullets under an owner heading that heading as their lead', () => {
    const bullets = r.tasks.filter((t) => t.section.startsWith('III.1-bullet'));
    expect(bullets).toHaveLength(2);
    for (const b of bullets) expect(b.lead).toMatch(/^Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ/);
    expect(bullets[0]?.deadline?.date).toBe('2025-02-15');
  });
  it('cites the resolutions it is based on', () => {
    expect(r.references.map((x) => x.number)).toContain('158/2024/QH15');
  });
});

describe('extract on a provincial plan (numbered owners, "Thời gian hoàn thành")', () => {
  const r = extract(fixture('ke-hoach-ubnd-tinh.txt'));

  it('holds no tasks in the aims section (Mục đích, Yêu cầu)', () => {
    expect(r.tasks.some((t) => t.section.startsWith('I.'))).toBe(false);
  });
  it('reads "từ 50% trở lên" as at least 50%', () => {
    expect(r.targets.find((t) => t.lo === 50)).toMatchObject({ op: 'gte', hi: null, unit: '%' });
  });
  it('leads each lettered item with the body its numbered heading names', () => {
    const items = r.tasks.filter((t) => t.section.startsWith('III.1.'));
    expect(items.map((t) => t.lead)).toEqual([
      'Sở Thông tin và Truyền thông',
      'Sở Thông tin và Truyền thông',
    ]);
    expect(items[0]?.support).toEqual(['Công an tỉnh']);
    expect(items[0]?.deadline?.date).toBe('2024-06-30');
    expect(items[1]?.deadline).toBeNull();
  });
  it('reads the closing paragraph of "TỔ CHỨC THỰC HIỆN" as a task of the bodies it names', () => {
    const last = r.tasks.at(-1);
    expect(last?.lead).toBe('Các sở, ban, ngành, UBND các huyện, thành phố, thị xã');
  });
});

describe('extract, provenance and bad input', () => {
  it('points every span into source.text at the words it came from', () => {
    const r = extract(fixture('ke-hoach-ubnd-tinh.txt'));
    for (const q of [...r.targets, ...r.results])
      expect(r.source.text.slice(q.span[0], q.span[1])).toBe(q.text);
    for (const t of r.tasks)
      expect(r.source.text.slice(t.span[0], t.span[1]).startsWith(t.text.slice(0, 20))).toBe(true);
    for (const x of r.references)
      expect(r.source.text.slice(x.span[0], x.span[1])).toContain(x.number.slice(0, 3));
  });
  it('returns a valid empty result with a warning for an empty document', () => {
    const r = extract('');
    expect(r).toMatchObject({ schema: 'ro.extract/v1', targets: [], results: [], tasks: [], references: [] });
    expect(r.warnings.map((w) => w.code)).toContain('empty-document');
  });
  it('cuts text longer than maxChars and says so', () => {
    const r = extract('Tỷ lệ hộ nghèo giảm còn 0,71%. '.repeat(100), { maxChars: 100 });
    expect(r.source.text.length).toBeLessThanOrEqual(101);
    expect(r.warnings.map((w) => w.code)).toContain('text-truncated');
  });
  it('gives the items of a section the time frame the section states, unless they set their own', () => {
    const text = [
      'II. NỘI DUNG',
      '1. Đợt cao điểm rà soát hồ sơ',
      'Thời gian: Từ ngày 15/11/2025 đến ngày 15/12/2025.',
      'a) Sở Nội vụ rà soát hồ sơ cán bộ.',
      'b) Sở Tài chính tổng hợp kinh phí, hoàn thành trước ngày 30/11/2025.',
    ].join('\n');
    const tasks = extract(text).tasks;
    expect(tasks.map((t) => [t.lead, t.deadline?.date])).toEqual([
      ['Sở Nội vụ', '2025-12-15'],
      ['Sở Tài chính', '2025-11-30'],
    ]);
    const frame = tasks[0]?.deadline;
    expect(frame && extract(text).source.text.slice(frame.span[0], frame.span[1])).toBe(frame?.text);
  });
  it('warns about a value with no unit and leaves it out', () => {
    const r = extract('I. KẾT QUẢ\n\nSố bác sỹ bình quân đạt 12 trong năm.\n');
    expect(r.results).toEqual([]);
    const w = r.warnings.find((x) => x.code === 'number-without-unit');
    expect(w && r.source.text.slice(w.span?.[0], w.span?.[1])).toBe('12');
  });
  it('keeps an impossible date as text, with no date and a warning', () => {
    const r = extract('III. NHIỆM VỤ\n\n1. Sở Tài chính chủ trì rà soát, hoàn thành trước ngày 51/5/2024.\n');
    expect(r.tasks[0]?.deadline).toMatchObject({ date: null });
    expect(r.warnings.map((w) => w.code)).toContain('impossible-date');
  });
});
