import { describe, expect, it } from 'vitest';
import { readHeader } from './read-header.js';
import { normaliseText } from './normalise-text.js';

const read = (raw: string) => readHeader(normaliseText(raw));
const codes = (raw: string) => read(raw).warnings.map((w) => w.code);

const HDND_RESOLUTION = `Số: 35/2024/NQ-HĐND

Hải Dương, ngày 12 tháng 12 năm 2024

NGHỊ QUYẾT
Về kế hoạch phát triển kinh tế - xã hội năm 2025

HỘI ĐỒNG NHÂN DÂN TỈNH HẢI DƯƠNG
KHÓA XVII, KỲ HỌP THỨ HAI MƯƠI

Căn cứ Nghị quyết số 158/2024/QH15 ngày 12 tháng 11 năm 2024 của Quốc hội;

QUYẾT NGHỊ:

Điều 1. Thông qua kế hoạch.

Nơi nhận:
- Ủy ban Thường vụ Quốc hội;
- Lưu: VT.

CHỦ TỊCH

Lê Văn Hiệu
`;

const GOVERNMENT_DECISION = `THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 1034/QĐ-TTg
Hà Nội, ngày 25 tháng 9 năm 2024

QUYẾT ĐỊNH
PHÊ DUYỆT KẾ HOẠCH THỰC HIỆN QUY HOẠCH TỈNH THỜI KỲ 2021 - 2030
-----------
THỦ TƯỚNG CHÍNH PHỦ

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;

QUYẾT ĐỊNH:

Điều 1. Phê duyệt Kế hoạch.

Nơi nhận:
- Ban Bí thư Trung ương Đảng;
- Lưu: VT, QHĐP (2).

KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG

Trần Hồng Hà
`;

const UBND_DIRECTIVE = `ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 05/CT-UBND
Nghệ An, ngày 5 tháng 3 năm 2024

CHỈ THỊ
Về tăng cường công tác phòng cháy, chữa cháy trên địa bàn tỉnh

Trong thời gian qua, công tác phòng cháy, chữa cháy trên địa bàn tỉnh đạt kết quả quan trọng.

1. Sở Công Thương chủ trì, hoàn thành trước ngày 30/6/2024.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
(Đã ký)

Nguyễn Đức Trung

Nơi nhận:
- Như trên;
- Lưu: VT.
`;

const OFFICIAL_LETTER = `UBND TỈNH ĐỒNG THÁP
SỞ TÀI CHÍNH
-------
Số: 1234/STC-NS
V/v triển khai dự toán ngân sách năm 2025
Đồng Tháp, ngày 15 tháng 01 năm 2025

Kính gửi: Các sở, ban, ngành tỉnh.

Thực hiện Quyết định số 3126/QĐ-UBND ngày 12/12/2024 của UBND tỉnh, Sở Tài chính đề nghị các đơn vị báo cáo.

Nơi nhận:
- Như trên;
- Lưu: VT, NS.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
[đã ký]
Lê Thị Hồng Vân
`;

const PARTY_CONCLUSION = `KẾT LUẬN

CỦA BAN THƯỜNG VỤ TỈNH ỦY

Về tiếp tục thực hiện Nghị quyết số 15-NQ/TU, ngày 20/4/2022 của Ban Thường vụ Tỉnh ủy về phát triển đô thị Thái Bình

-----

Ngày 18 tháng 01 năm 2024, sau khi nghe Ban Thường vụ Thành ủy Thái Bình báo cáo (Báo cáo số 342-BC/TU ngày 25/12/2023), Ban Thường vụ Tỉnh ủy kết luận như sau:

1. Tiếp tục thực hiện Nghị quyết số 15-NQ/TU.

Nơi nhận:
- Các Ban Đảng tỉnh,
- Lưu VPTU.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC

Nguyễn Tiến Thành

¹ Báo cáo số 342-BC/TU ngày 25/12/2023 của Ban Thường vụ Thành ủy Thái Bình
`;

describe("readHeader on a resolution of a provincial People's Council", () => {
  const { document, warnings } = read(HDND_RESOLUTION);
  it('reads number, type, date, title, issuer and signer', () => {
    expect(document).toEqual({
      number: '35/2024/NQ-HĐND',
      type: 'nghi_quyet',
      issuer: 'Hội đồng nhân dân tỉnh Hải Dương',
      date: '2024-12-12',
      title: 'Về kế hoạch phát triển kinh tế - xã hội năm 2025',
      signer: 'Lê Văn Hiệu',
    });
    expect(warnings).toEqual([]);
  });
});

describe('readHeader on a decision of the Prime Minister', () => {
  const { document } = read(GOVERNMENT_DECISION);
  it('reads "QUYẾT ĐỊNH" as quyet_dinh and the issuer "Thủ tướng Chính phủ"', () => {
    expect(document).toMatchObject({
      number: '1034/QĐ-TTg',
      type: 'quyet_dinh',
      issuer: 'Thủ tướng Chính phủ',
    });
  });
  it('reads a title in capitals that starts with "BAN HÀNH" as the title, not as a body', () => {
    const r = read(
      'ỦY BAN NHÂN DÂN\nTỈNH LONG AN\nSố: 12/2025/QĐ-UBND\nLong An, ngày 3 tháng 3 năm 2025\nQUYẾT ĐỊNH\n' +
        'BAN HÀNH QUY CHẾ LÀM VIỆC\nỦY BAN NHÂN DÂN TỈNH LONG AN\nCăn cứ Luật;\n',
    );
    expect(r.document).toMatchObject({
      title: 'BAN HÀNH QUY CHẾ LÀM VIỆC',
      issuer: 'Ủy ban nhân dân tỉnh Long An',
    });
  });
  it('reads the date, the title written in capitals and the deputy who signs "KT. THỦ TƯỚNG"', () => {
    expect(document).toMatchObject({
      date: '2024-09-25',
      title: 'PHÊ DUYỆT KẾ HOẠCH THỰC HIỆN QUY HOẠCH TỈNH THỜI KỲ 2021 - 2030',
      signer: 'Trần Hồng Hà',
    });
  });
});

describe("readHeader on a directive of a provincial People's Committee", () => {
  const { document } = read(UBND_DIRECTIVE);
  it('reads "CHỈ THỊ" and the two-line issuer "ỦY BAN NHÂN DÂN / TỈNH NGHỆ AN"', () => {
    expect(document).toMatchObject({
      number: '05/CT-UBND',
      type: 'chi_thi',
      issuer: 'Ủy ban nhân dân tỉnh Nghệ An',
    });
  });
  it('skips "(Đã ký)" and reads the signer before the "Nơi nhận" list', () => {
    expect(document.signer).toBe('Nguyễn Đức Trung');
  });
});

describe('readHeader on an official letter (công văn)', () => {
  const { document } = read(OFFICIAL_LETTER);
  it('reads a letter with a "V/v" line and no type word as cong_van, the "V/v" line as its title', () => {
    expect(document).toMatchObject({ type: 'cong_van', title: 'V/v triển khai dự toán ngân sách năm 2025' });
  });
  it('reads the office under its parent body as the issuer, the date after the "V/v" line', () => {
    expect(document).toMatchObject({ number: '1234/STC-NS', issuer: 'Sở Tài chính', date: '2025-01-15' });
  });
  it('skips "[đã ký]" and reads the signer after "Nơi nhận"', () => {
    expect(document.signer).toBe('Lê Thị Hồng Vân');
  });
});

describe('readHeader on a Party conclusion with no "Số" line', () => {
  const { document, warnings } = read(PARTY_CONCLUSION);
  it('gives a null number and warns, without taking numbers cited in the body', () => {
    expect(document.number).toBeNull();
    expect(warnings.map((w) => w.code)).toContain('no-document-number');
  });
  it('does not take the meeting date of the body ("Ngày 18 tháng 01 năm 2024, sau khi ...") as the issue date', () => {
    expect(document.date).toBeNull();
    expect(warnings.map((w) => w.code)).toContain('no-issue-date');
  });
  it('reads the type, the "Về ..." title and the issuer named by "CỦA BAN THƯỜNG VỤ TỈNH ỦY"', () => {
    expect(document).toMatchObject({
      type: 'ket_luan',
      title:
        'Về tiếp tục thực hiện Nghị quyết số 15-NQ/TU, ngày 20/4/2022 của Ban Thường vụ Tỉnh ủy về phát triển đô thị Thái Bình',
      issuer: 'Ban Thường vụ Tỉnh ủy Thái Bình',
    });
  });
  it('reads the signer after "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ THƯỜNG TRỰC", not a name in the footnotes', () => {
    expect(document.signer).toBe('Nguyễn Tiến Thành');
  });
});

describe('readHeader: the number line', () => {
  it('reads the Party form "Số 45-KL/TU" without a colon', () => {
    expect(
      read('TỈNH ỦY THANH HÓA\n*\nSố 45-KL/TU\nThanh Hóa, ngày 2 tháng 5 năm 2024\nKẾT LUẬN\n').document,
    ).toMatchObject({
      number: '45-KL/TU',
      type: 'ket_luan',
      date: '2024-05-02',
    });
  });
  it('reads a number with stray spaces as written without them', () => {
    expect(read('Số: 12 /KH- UBND\nKẾ HOẠCH\n').document.number).toBe('12/KH-UBND');
  });
  it('gives null and a warning for a number left blank ("Số:      /KH-UBND")', () => {
    const r = read('Số:      /KH-UBND\nHà Nội, ngày    tháng    năm 2025\nKẾ HOẠCH\nTriển khai ...\n');
    expect(r.document.number).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['no-document-number', 'no-issue-date']);
  });
  it('reads a header flattened from a table, cell by cell', () => {
    const r = read(
      '| ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n' +
        '| Số: 12/KH-UBND | Quảng Nam, ngày 07/02/2025 |\n\nKẾ HOẠCH\nThực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n\n' +
        'Thực hiện Nghị quyết số 57-NQ/TW, UBND tỉnh ban hành Kế hoạch như sau:\n\n' +
        '| Nơi nhận: - Như trên; - Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hồ Quang Bửu |\n',
    );
    expect(r.document).toEqual({
      number: '12/KH-UBND',
      type: 'ke_hoach',
      issuer: 'Ủy ban nhân dân tỉnh Quảng Nam',
      date: '2025-02-07',
      title: 'Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị',
      signer: 'Hồ Quang Bửu',
    });
  });
});

describe('readHeader: the issue date', () => {
  it('gives null and an "impossible-date" warning for an impossible date line', () => {
    const r = read(
      'Số: 3/QĐ-UBND\nThành phố Hồ Chí Minh, ngày 29 tháng 02 năm 2023\nQUYẾT ĐỊNH\nVề việc giao chỉ tiêu\n',
    );
    expect(r.document.date).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['impossible-date']);
    expect(r.warnings[0]?.span).not.toBeNull();
  });
  it('reads a place written with a level word or a hyphen ("TP. Hồ Chí Minh", "Bà Rịa - Vũng Tàu")', () => {
    expect(read('Số: 1/KH-UBND\nTP. Hồ Chí Minh, ngày 01/02/2025\nKẾ HOẠCH\n').document.date).toBe(
      '2025-02-01',
    );
    expect(read('Số: 2/KH-UBND\nBà Rịa - Vũng Tàu, ngày 3 tháng 4 năm 2025\nKẾ HOẠCH\n').document.date).toBe(
      '2025-04-03',
    );
  });
  it('does not read a date cited in the title as the issue date', () => {
    expect(
      read('KẾ HOẠCH\nThực hiện Kết luận số 123-KL/TW, ngày 24/01/2025 của Trung ương\n').document.date,
    ).toBeNull();
  });
});

describe('readHeader: the type', () => {
  it('takes the first type word of the header ("THÔNG BÁO / KẾT LUẬN CỦA ..." is thong_bao)', () => {
    const r = read(
      'Số: 45/TB-VPCP\nHà Nội, ngày 20 tháng 02 năm 2025\nTHÔNG BÁO\nKẾT LUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ\n',
    );
    expect(r.document.type).toBe('thong_bao');
  });
  it('falls back to the type code of the number when no type word is written', () => {
    expect(read('Số: 15/BC-UBND\nTình hình quý I\n').document.type).toBe('bao_cao');
    expect(read('Số 7-KL/TU\n').document.type).toBe('ket_luan');
    expect(read('Số: 123/UBND-KT\n').document.type).toBe('cong_van');
    expect(read('Số: 100/2019/NĐ-CP\n').document.type).toBe('other');
  });
  it('gives other to a type outside the schema ("NGHỊ ĐỊNH", "TỜ TRÌNH") and to a text with none', () => {
    expect(read('CHÍNH PHỦ\nSố: 100/2019/NĐ-CP\nNGHỊ ĐỊNH\nQuy định xử phạt\n').document.type).toBe('other');
    expect(read('TỜ TRÌNH\nVề dự thảo nghị quyết\n').document.type).toBe('other');
    expect(read('Một đoạn văn không có tiêu đề.').document.type).toBe('other');
  });
  it('does not take the enacting "QUYẾT ĐỊNH:" of a resolution\'s body as its type', () => {
    expect(read('NGHỊ QUYẾT\nVề dự toán\nCăn cứ Luật;\nQUYẾT ĐỊNH:\nĐiều 1.\n').document.type).toBe(
      'nghi_quyet',
    );
  });
});

describe('readHeader: issuer and title', () => {
  it('reads the body that concludes in the opening sentence when the header names none', () => {
    const r = read(
      'KẾT LUẬN\nHỘI NGHỊ LẦN THỨ 20 BAN CHẤP HÀNH ĐẢNG BỘ TỈNH\nVề nhiệm vụ 6 tháng cuối năm 2025\n\n' +
        'Ngày 30 tháng 6 năm 2025, Ban Chấp hành Đảng bộ tỉnh Ninh Bình tổ chức Hội nghị lần thứ 20. Sau khi thảo luận, Ban Chấp hành Đảng bộ tỉnh thống nhất kết luận như sau:\n1. Kết quả.\n',
    );
    expect(r.document).toMatchObject({
      issuer: 'Ban Chấp hành Đảng bộ tỉnh Ninh Bình',
      title: 'Về nhiệm vụ 6 tháng cuối năm 2025',
    });
  });
  it('joins a title wrapped over two lines, and stops before a sentence of the body', () => {
    const r = read(
      'KẾT LUẬN\n\nHội nghị Ban Chấp hành Đảng bộ tỉnh mở rộng;\ncác đảng ủy trực thuộc quý I năm 2026\nNội dung chính.\n',
    );
    expect(r.document.title).toBe(
      'Hội nghị Ban Chấp hành Đảng bộ tỉnh mở rộng; các đảng ủy trực thuộc quý I năm 2026',
    );
  });
  it('reads a Party header "ĐẢNG BỘ TỈNH BẮC NINH / BAN THƯỜNG VỤ TỈNH ỦY" as the Standing Committee', () => {
    const r = read(
      'ĐẢNG BỘ TỈNH BẮC NINH\nBAN THƯỜNG VỤ TỈNH ỦY\n*\nSố 123-TB/TU\nBắc Ninh, ngày 10/01/2025\nTHÔNG BÁO\nVề đề án\n',
    );
    expect(r.document).toMatchObject({
      issuer: 'Ban Thường vụ Tỉnh ủy Bắc Ninh',
      number: '123-TB/TU',
      type: 'thong_bao',
    });
  });
});

describe('readHeader: the signer', () => {
  it('writes a signer printed in capitals in proper case', () => {
    expect(read('THÔNG BÁO\nNội dung.\nK/T BÍ THƯ\nPHÓ BÍ THƯ\nNGUYỄN QUỐC CHUNG\n').document.signer).toBe(
      'Nguyễn Quốc Chung',
    );
  });
  it('reads a name of two syllables and one of ethnic form after the title', () => {
    expect(read('KẾT LUẬN\nNội dung.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nLê Duẩn\n').document.signer).toBe('Lê Duẩn');
    expect(
      read('CHỈ THỊ\nNội dung.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nY Thanh Hà Niê Kđăm\n').document.signer,
    ).toBe('Y Thanh Hà Niê Kđăm');
  });
  it('gives null when there is no signature block', () => {
    expect(
      read('Số: 7/BC-UBND\nBÁO CÁO\nTình hình quý I\nTrong quý I, tình hình ổn định.\n').document.signer,
    ).toBeNull();
  });
  it('does not read a "Nơi nhận" item or a place as the signer', () => {
    expect(
      read('KẾT LUẬN\nNội dung.\nNơi nhận:\n- Như Trên,\n- Lưu Văn Phòng.\nHưng Yên\n').document.signer,
    ).toBeNull();
  });
});

describe('readHeader on empty and hostile input', () => {
  it('gives empty fields and both warnings for an empty text', () => {
    expect(read('').document).toEqual({
      number: null,
      type: 'other',
      issuer: null,
      date: null,
      title: null,
      signer: null,
    });
    expect(codes('')).toEqual(['no-document-number', 'no-issue-date']);
  });
  it('returns on 2 MB of "ngày 1/1/" repeats', () => {
    expect(readHeader('ngày 1/1/'.repeat(230_000)).document.date).toBeNull();
  });
  it('returns on 2 MB of "Số: " repeats, on one line and on many', () => {
    expect(readHeader('Số: '.repeat(520_000)).document.number).toBeNull();
    expect(readHeader('Số: 1/\n'.repeat(300_000)).document.number).toBeNull();
  });
  it('returns on 2 MB of capitals and of name-shaped lines', () => {
    expect(readHeader('KẾT LUẬN\n'.repeat(200_000)).document.type).toBe('ket_luan');
    expect(readHeader('A '.repeat(1_000_000)).document.signer).toBeNull();
    expect(readHeader('Nguyễn Văn An\n'.repeat(150_000)).document.signer).toBe('Nguyễn Văn An');
  });
});
