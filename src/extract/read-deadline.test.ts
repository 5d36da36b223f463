import { describe, expect, it } from 'vitest';
import { readDeadline, readSectionTimeFrame } from './read-deadline.js';

const dateOf = (text: string, year: number | null = 2025) =>
  readDeadline(text, 0, { year }).deadline?.date ?? null;

describe('readDeadline: a day', () => {
  it('reads "trước ngày 30/6/2025" as 30/06/2025 with the phrase and its absolute span', () => {
    const r = readDeadline('Sở Tài chính chủ trì, hoàn thành trước ngày 30/6/2025.', 1000, { year: 2025 });
    expect(r.deadline).toEqual({ date: '2025-06-30', text: 'trước ngày 30/6/2025', span: [1033, 1053] });
    expect(r.done).toBe(false);
    expect(r.warnings).toEqual([]);
  });
  it('reads "chậm nhất ngày 01/3/2025" and "(hoàn thành chậm nhất ngày 15/3/2025)"', () => {
    expect(dateOf('Hoàn thành chậm nhất ngày 01/3/2025.')).toBe('2025-03-01');
    const r = readDeadline('Các huyện ủy chỉ đạo việc sắp xếp (hoàn thành chậm nhất ngày 15/3/2025).', 0, {
      year: 2025,
    });
    expect(r.deadline?.text).toBe('(hoàn thành chậm nhất ngày 15/3/2025)');
    expect(r.deadline?.date).toBe('2025-03-15');
  });
  it('reads "Báo cáo kết quả thực hiện trước 15/6/2026" written without "ngày"', () => {
    expect(dateOf('Thúc đẩy chuyển đổi số. Báo cáo kết quả thực hiện trước 15/6/2026.', 2026)).toBe(
      '2026-06-15',
    );
  });
  it('reads "trước ngày 30 tháng 9 năm 2025" written in words', () => {
    expect(dateOf('Hoàn thành xóa nhà tạm trước ngày 30 tháng 9 năm 2025.')).toBe('2025-09-30');
  });
  it('reads "trước ngày 30/6" with the year of the document', () => {
    expect(dateOf('Gửi báo cáo trước ngày 30/6.', 2024)).toBe('2024-06-30');
  });
});

describe('readDeadline: a month, a quarter, a half year', () => {
  it('reads "trong tháng 02/2025" as 28/02/2025 and "ngay trong tháng 02/2025" alike', () => {
    expect(dateOf('(Hoàn thành trong tháng 02/2025)')).toBe('2025-02-28');
    expect(dateOf('Tổ chức hội nghị gặp gỡ doanh nghiệp ngay trong tháng 02/2025 để tôn vinh')).toBe(
      '2025-02-28',
    );
  });
  it('reads "Chậm nhất trong tháng 6/2026" and "Trong tháng 5/2026, ... báo cáo" as the month\'s end', () => {
    expect(dateOf('Chậm nhất trong tháng 6/2026, Đảng ủy UBND tỉnh chỉ đạo rà soát.', 2026)).toBe(
      '2026-06-30',
    );
    expect(dateOf('Trong tháng 5/2026, Đảng ủy UBND tỉnh báo cáo Ban Thường vụ.', 2026)).toBe('2026-05-31');
  });
  it('reads "tháng 6 năm 2026" and "Tháng 10/2025: ..." leading a clause', () => {
    expect(dateOf('Hoàn thành trong tháng 6 năm 2026.', 2026)).toBe('2026-06-30');
    expect(dateOf('Tháng 10/2025: tổ chức tổng kết.')).toBe('2025-10-31');
  });
  it('reads "trong quý II năm 2026" as 30/06/2026 and "quý III/2025" as 30/09/2025', () => {
    expect(dateOf('Hoàn thành trong quý II năm 2026.', null)).toBe('2026-06-30');
    expect(dateOf('Hoàn thành trong quý III/2025.', null)).toBe('2025-09-30');
  });
  it('reads "xong trong quý II" with the year the document is about', () => {
    expect(dateOf('Sắp xếp, xử lý tài sản công dôi dư, xong trong quý II.', 2026)).toBe('2026-06-30');
  });
  it('reads "hoàn thành trong 6 tháng đầu năm 2025" as 30/06/2025', () => {
    expect(dateOf('Hoàn thành trong 6 tháng đầu năm 2025.')).toBe('2025-06-30');
  });
  it('reads "trước tháng 6/2025" and "trước quý III/2025" as the day before they start', () => {
    expect(dateOf('Hoàn thành trước tháng 6/2025.')).toBe('2025-05-31');
    expect(dateOf('Hoàn thành trước quý III/2025.')).toBe('2025-06-30');
  });
  it('reads a quarter alone in a table cell of a plan ("| Quý IV/2025 |")', () => {
    expect(dateOf('| 3 | Rà soát thủ tục hành chính | Sở Nội vụ | Quý IV/2025 |')).toBe('2025-12-31');
  });
  it('reads "(tháng 3/2025)" and "(tháng 6/2025)" after two works as the later one', () => {
    expect(dateOf('quyết tâm khởi công dự án A (tháng 3/2025); dự án B (tháng 6/2025).')).toBe('2025-06-30');
  });
});

describe('readDeadline: a year', () => {
  it('reads "trong năm 2026" attached to the work as 31/12/2026', () => {
    expect(
      dateOf('Đảng ủy UBND tỉnh chỉ đạo hoàn thành điều kiện khởi công các công trình trong năm 2026.', 2026),
    ).toBe('2026-12-31');
    expect(dateOf('Phấn đấu trong năm 2025 có thêm 05 khu công nghiệp được phê duyệt.')).toBe('2025-12-31');
  });
  it('reads "Năm 2024, hoàn thành ..." and "Năm 2024, phấn đấu hoàn thành ..." as 31/12/2024', () => {
    const r = readDeadline('Năm 2024, hoàn thành giải phóng mặt bằng 100% diện tích.', 0, { year: 2024 });
    expect(r.deadline).toMatchObject({ date: '2024-12-31', text: 'Năm 2024, hoàn thành' });
    expect(dateOf('Phát triển công nghiệp. Năm 2024, phấn đấu hoàn thành giải phóng mặt bằng.', 2024)).toBe(
      '2024-12-31',
    );
  });
  it('reads a year the work itself must reach ("trở thành đô thị loại II vào năm 2025")', () => {
    expect(
      dateOf('Tạo mọi điều kiện để đưa thành phố Hưng Yên trở thành đô thị loại II vào năm 2025.', 2024),
    ).toBe('2025-12-31');
  });
  it('does not read "Năm 2025, phấn đấu đạt tỷ lệ 95%" (a target, no completion) as a deadline', () => {
    expect(dateOf('Năm 2025, phấn đấu đạt tỷ lệ trường chuẩn quốc gia 95%.')).toBeNull();
  });
});

describe('readDeadline: done', () => {
  it('reads "(đã hoàn thành tháng 02/2025)" as 28/02/2025 already met', () => {
    const r = readDeadline('Ban Thường vụ chỉ đạo xây dựng đề án (đã hoàn thành tháng 02/2025).', 0, {
      year: 2025,
    });
    expect(r).toMatchObject({
      done: true,
      deadline: { date: '2025-02-28', text: '(đã hoàn thành tháng 02/2025)' },
    });
  });
  it('reads "(đã hoàn thành trong tháng 02/2025)" alike', () => {
    expect(
      readDeadline('Sắp xếp tổ chức đảng (đã hoàn thành trong tháng 02/2025).', 0, { year: 2025 }),
    ).toMatchObject({
      done: true,
      deadline: { date: '2025-02-28' },
    });
  });
});

describe('readDeadline: what is not a deadline', () => {
  it('gives null for "Thường xuyên", "Hằng năm", "hàng năm" and "theo chỉ đạo"', () => {
    for (const s of [
      'Thường xuyên.',
      'Hằng năm báo cáo kết quả.',
      'Tổ chức hàng năm.',
      'Thực hiện theo chỉ đạo của UBND tỉnh.',
    ]) {
      expect(readDeadline(s, 0, { year: 2025 })).toEqual({ deadline: null, done: false, warnings: [] });
    }
  });
  it('gives null for a start date ("Từ 01/7/2025", "kể từ ngày 01/01/2025")', () => {
    expect(dateOf('Từ 01/7/2025, thực hiện thu phí.')).toBeNull();
    expect(dateOf('Áp dụng kể từ ngày 01/01/2025.')).toBeNull();
  });
  it('gives null for the year of a plan or of data', () => {
    expect(dateOf('Phấn đấu hoàn thành giải ngân 100% kế hoạch vốn đầu tư công năm 2024.', 2024)).toBeNull();
    expect(dateOf('Giao dự toán ngân sách năm 2025 cho các đơn vị.')).toBeNull();
    expect(dateOf('Hoàn thành kế hoạch giao quân năm 2024.', 2024)).toBeNull();
    expect(dateOf('Đẩy nhanh đầu tư công để thúc đẩy tăng trưởng kinh tế trong năm 2024.', 2024)).toBeNull();
    expect(dateOf('Số vụ tai nạn giao thông trong năm 2025 giảm 5%.')).toBeNull();
  });
  it('gives null for a further aim the work only prepares for and for horizons', () => {
    expect(dateOf('Tạo tiền đề để phấn đấu năm 2030 trở thành thành phố trực thuộc Trung ương.')).toBeNull();
    expect(dateOf('Tạo tiền đề để vào năm 2030 trở thành thành phố trực thuộc Trung ương.')).toBeNull();
    expect(dateOf('Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2045.')).toBeNull();
    expect(dateOf('Phấn đấu đưa tỷ lệ hộ nghèo đến năm 2025 còn 0,5%.')).toBeNull();
  });
  it('gives null for the dates of cited documents', () => {
    expect(dateOf('Thực hiện Kết luận số 726-KL/TU ngày 05/12/2023 của Ban Chấp hành.', 2024)).toBeNull();
    expect(dateOf('Triển khai Quyết định 489/QĐ-TTg, ngày 10/6/2024 của Thủ tướng.', 2024)).toBeNull();
    expect(dateOf('Thực hiện Luật Đất đai ngày 18/01/2024.', 2024)).toBeNull();
  });
  it('gives null for periods of plans, terms and comparisons', () => {
    expect(dateOf('Thực hiện kế hoạch giai đoạn 2021-2025, nhiệm kỳ 2020-2025.', 2024)).toBeNull();
    expect(dateOf('So với cùng kỳ năm 2024 tăng 5%.')).toBeNull();
    expect(dateOf('Số liệu tính đến ngày 30/6/2025.')).toBeNull();
    expect(dateOf('Nhiệm vụ trọng tâm trong 6 tháng cuối năm 2024 là giải ngân.', 2024)).toBeNull();
  });
  it('gives null for work that goes on ("trong năm 2025 và những năm tiếp theo") and for a start ("Bắt đầu vào năm 2025")', () => {
    expect(dateOf('Triển khai mô hình trong năm 2025 và những năm tiếp theo.')).toBeNull();
    expect(dateOf('Bắt đầu vào năm 2025.')).toBeNull();
  });
  it('gives null for the period of a value ("trong quý I/2025 tăng 5%")', () => {
    expect(dateOf('Tổng thu ngân sách trong quý I/2025 tăng 5% so với cùng kỳ.')).toBeNull();
  });
  it('gives null for a year alone in a table cell, which may be a column of data', () => {
    expect(dateOf('| 1 | Tỷ lệ hộ nghèo | % | Năm 2025 |')).toBeNull();
  });
  it('gives null for a recurring day ("trước ngày 30/6 hằng năm")', () => {
    expect(dateOf('Báo cáo trước ngày 30/6 hằng năm.')).toBeNull();
    expect(dateOf('Báo cáo trước ngày 20 hằng tháng.')).toBeNull();
  });
  it('gives null for an empty text', () => {
    expect(readDeadline('', 0, { year: 2025 })).toEqual({ deadline: null, done: false, warnings: [] });
  });
});

describe('readDeadline: several phrases', () => {
  it('takes the firm phrase over a report date ("hoàn thành ... trong năm 2026" over "Trong tháng 5/2026, báo cáo")', () => {
    const text =
      'Đảng ủy UBND tỉnh chỉ đạo hoàn thành điều kiện khởi công các công trình trong năm 2026. ' +
      'Trong tháng 5/2026, báo cáo Ban Thường vụ Tỉnh ủy dự kiến lộ trình.';
    expect(dateOf(text, 2026)).toBe('2026-12-31');
  });
  it('takes the firm phrase over an aspiration ("xong trong quý II" over "phấn đấu ... hoàn thành trong năm 2026")', () => {
    expect(
      dateOf('xây dựng phương án xử lý xong trong quý II và phấn đấu xử lý hoàn thành trong năm 2026.', 2026),
    ).toBe('2026-06-30');
  });
  it('takes a completion date over the year of the work it belongs to', () => {
    expect(
      dateOf('Xây dựng kế hoạch triển khai từng dự án trong năm 2025. (Hoàn thành trong tháng 3/2025)'),
    ).toBe('2025-03-31');
  });
  it('reads months and quarters listed after one cue ("trong tháng 7 và tháng 8/2025") as ending on the last', () => {
    const r = readDeadline('Hoàn thành trong tháng 7 và tháng 8/2025.', 0, { year: null });
    expect(r.deadline).toEqual({
      date: '2025-08-31',
      text: 'Hoàn thành trong tháng 7 và tháng 8/2025',
      span: [0, 40],
    });
    expect(r.warnings).toEqual([]);
    expect(dateOf('Tổ chức kiểm tra trong quý II, quý III năm 2025.', null)).toBe('2025-09-30');
  });
  it('takes the latest of phrases equally firm', () => {
    expect(dateOf('Hoàn thành việc A trước 31/3/2025; hoàn thành việc B trước 30/9/2025.')).toBe(
      '2025-09-30',
    );
  });
  it('reads "từ ngày X đến ngày Y" and "từ tháng 3/2025 đến hết tháng 6/2025" as ending on Y', () => {
    expect(dateOf('Tổ chức kiểm tra từ ngày 15/11/2025 đến ngày 15/12/2025.')).toBe('2025-12-15');
    expect(dateOf('Thực hiện từ tháng 3/2025 đến hết tháng 6/2025.')).toBe('2025-06-30');
  });
});

describe('readDeadline: phrases with no valid day', () => {
  it('keeps the phrase of an impossible day ("trước ngày 51/5/2024") with a null date and an "impossible-date" warning', () => {
    const r = readDeadline('Hoàn thành trước ngày 51/5/2024.', 50, { year: 2024 });
    expect(r.deadline).toEqual({ date: null, text: 'trước ngày 51/5/2024', span: [61, 81] });
    expect(r.warnings.map((w) => w.code)).toEqual(['impossible-date']);
  });
  it('keeps "trong tháng 13/2024" with a null date and an "impossible-date" warning', () => {
    const r = readDeadline('Hoàn thành trong tháng 13/2024.', 0, { year: 2024 });
    expect(r.deadline?.date).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['impossible-date']);
  });
  it('warns "deadline-without-date" for "xong trong quý II" when the year is not known', () => {
    const r = readDeadline('Xử lý xong trong quý II.', 0, { year: null });
    expect(r.deadline).toMatchObject({ date: null, text: 'xong trong quý II' });
    expect(r.warnings.map((w) => w.code)).toEqual(['deadline-without-date']);
  });
  it('prefers a dated phrase to an undated one', () => {
    expect(dateOf('Xong trong quý II; hoàn thành trước ngày 30/9/2025.', null)).toBe('2025-09-30');
  });
  it('does not warn about an impossible date in a citation, which is no deadline', () => {
    expect(readDeadline('Thực hiện công văn số 2689-CV/TU ngày 51/5/2024.', 0, { year: 2024 })).toEqual({
      deadline: null,
      done: false,
      warnings: [],
    });
  });
});

describe('readDeadline: time frames inside an item', () => {
  it('reads "Thời gian hoàn thành: trước ngày 30/6/2024" and "Thời gian thực hiện: Quý II/2025"', () => {
    expect(dateOf('Nâng cấp hệ thống. Thời gian hoàn thành: trước ngày 30/6/2024.', 2024)).toBe('2024-06-30');
    expect(dateOf('Rà soát thủ tục. Thời gian thực hiện: Quý II/2025.')).toBe('2025-06-30');
  });
  it('reads "Thời gian thực hiện: 2025 - 2026" as ending with its last year, "Hạn cuối: 30/6/2025" as that day', () => {
    expect(dateOf('Xây dựng đề án. Thời gian thực hiện: 2025 - 2026.')).toBe('2026-12-31');
    expect(dateOf('Nộp hồ sơ. Hạn cuối: 30/6/2025')).toBe('2025-06-30');
  });
  it('reads "vào cuối năm 2025" and "trước cuối quý III/2025" as the end of that period', () => {
    expect(dateOf('Hoàn thành vào cuối năm 2025.')).toBe('2025-12-31');
    expect(dateOf('Hoàn thành trước cuối quý III/2025.')).toBe('2025-09-30');
  });
  it('gives null for "Thời gian: thường xuyên"', () => {
    expect(dateOf('Hướng dẫn các sở triển khai chữ ký số. Thời gian: thường xuyên.')).toBeNull();
  });
});

describe('readSectionTimeFrame', () => {
  it('reads "Thời gian: Từ ngày 15/11/2025 đến ngày 15/12/2025" as ending on 15/12/2025', () => {
    const text =
      '2. Rà soát thủ tục hành chính\nThời gian: Từ ngày 15/11/2025 đến ngày 15/12/2025\nNội dung: ...';
    expect(readSectionTimeFrame(text, 500)).toEqual({
      date: '2025-12-15',
      text: 'Thời gian: Từ ngày 15/11/2025 đến ngày 15/12/2025',
      span: [530, 579],
    });
  });
  it('reads "Thời gian hoàn thành: Quý II/2026" and "Thời hạn: tháng 10/2025"', () => {
    expect(readSectionTimeFrame('Thời gian hoàn thành: Quý II/2026')?.date).toBe('2026-06-30');
    expect(readSectionTimeFrame('Thời hạn: tháng 10/2025')?.date).toBe('2025-10-31');
  });
  it('reads a quarter without a year with the year given', () => {
    expect(readSectionTimeFrame('Thời gian thực hiện: quý III', 0, 2025)?.date).toBe('2025-09-30');
  });
  it('gives null for a frame that only starts ("Thời gian thực hiện: từ tháng 10/2025")', () => {
    expect(readSectionTimeFrame('Thời gian thực hiện: từ tháng 10/2025')).toBeNull();
    expect(readDeadline('Thời gian: từ 01/7/2025.', 0, { year: 2025 }).deadline).toBeNull();
  });
  it('gives null for "Thời gian thực hiện: Thường xuyên" and for a section with no frame', () => {
    expect(readSectionTimeFrame('Thời gian thực hiện: Thường xuyên')).toBeNull();
    expect(readSectionTimeFrame('1. Sở Tài chính chủ trì, hoàn thành trong năm 2025.')).toBeNull();
    expect(readSectionTimeFrame('')).toBeNull();
  });
});

describe('readDeadline and readSectionTimeFrame on hostile input', () => {
  it('return on 2 MB of "ngày 1/1/" repeats', () => {
    const s = 'ngày 1/1/'.repeat(230_000);
    expect(readDeadline(s, 0, { year: 2025 }).deadline).toBeNull();
    expect(readSectionTimeFrame(s)).toBeNull();
  });
  it('return on 2 MB of "Số: " repeats', () => {
    const s = 'Số: '.repeat(520_000);
    expect(readDeadline(s, 0, { year: 2025 }).deadline).toBeNull();
    expect(readSectionTimeFrame(s)).toBeNull();
  });
  it('return on 2 MB of deadline phrases and of frame labels', () => {
    expect(readDeadline('trước ngày 1/1/2025 '.repeat(100_000), 0, { year: 2025 }).deadline?.date).toBe(
      '2025-01-01',
    );
    expect(readSectionTimeFrame('Thời gian: '.repeat(180_000))).toBeNull();
  });
});
