import { describe, expect, it } from 'vitest';
import { readQuantities } from './read-quantities.js';

const read = (s: string) =>
  readQuantities(s, 0).map(({ op, lo, hi, unit, indicator }) => ({ op, lo, hi, unit, indicator }));

describe('readQuantities', () => {
  it('reads "GRDP tăng 7,5-8%" as a range from 7.5 to 8 percent', () => {
    expect(read('Tổng sản phẩm (GRDP) tăng 7,5-8%')).toEqual([
      { op: 'range', lo: 7.5, hi: 8, unit: '%', indicator: 'Tổng sản phẩm (GRDP) tăng' },
    ]);
  });
  it('reads "10%-10,5%" and "từ 3-4%" as ranges', () => {
    expect(read('phấn đấu đạt 10%-10,5%')[0]).toMatchObject({ op: 'range', lo: 10, hi: 10.5 });
    expect(read('tăng từ 3-4% so với')[0]).toMatchObject({ op: 'range', lo: 3, hi: 4, unit: '%' });
  });
  it('reads the op words: trên → gt, ít nhất → gte, dưới → lt, không quá → lte, khoảng → about', () => {
    expect(read('tuổi thọ trung bình trên 75 tuổi')[0]).toMatchObject({
      op: 'gt',
      lo: 75,
      hi: null,
      unit: 'tuổi',
    });
    expect(read('giảm ít nhất 30% thời gian xử lý')[0]).toMatchObject({ op: 'gte', lo: 30, hi: null });
    expect(read('tỷ lệ phát triển dân số dưới 1%')[0]).toMatchObject({ op: 'lt', lo: null, hi: 1 });
    expect(read('tỷ lệ nợ xấu không quá 2%')[0]).toMatchObject({ op: 'lte', lo: null, hi: 2 });
    expect(read('tổng diện tích thu hồi khoảng 92,8 ha đất')[0]).toMatchObject({
      op: 'about',
      lo: 92.8,
      hi: 92.8,
    });
  });
  it('reads "≥ 50%" (from LaTeX) as gte 50', () => {
    expect(read('tỷ lệ hồ sơ trực tuyến: đạt ≥ 50% trong quý II')[0]).toMatchObject({ op: 'gte', lo: 50 });
  });
  it('reads the scale words into the unit: "33.100 tỷ đồng", "2,45 vạn lao động"', () => {
    expect(read('Tổng thu ngân sách ước đạt 33.100 tỷ đồng')[0]).toMatchObject({
      lo: 33100,
      unit: 'tỷ đồng',
    });
    expect(read('Tạo việc làm mới cho 2,45 vạn lao động')[0]).toMatchObject({
      lo: 2.45,
      unit: 'vạn lao động',
    });
  });
  it('gives "9,3 bác sỹ và 31 giường bệnh/1 vạn dân" the shared per-part', () => {
    expect(read('có 9,3 bác sỹ và 31 giường bệnh/1 vạn dân').map((q) => q.unit)).toEqual([
      'bác sỹ/1 vạn dân',
      'giường bệnh/1 vạn dân',
    ]);
  });
  it('splits "công nghiệp, xây dựng 63% - thương mại, dịch vụ 30,5%" into two values, not a range', () => {
    const qs = read('Cơ cấu kinh tế: công nghiệp, xây dựng 63% - thương mại, dịch vụ 30,5%');
    expect(qs.map((q) => [q.op, q.lo])).toEqual([
      ['eq', 63],
      ['eq', 30.5],
    ]);
    expect(qs[1]?.indicator).toBe('thương mại, dịch vụ');
  });
  it('names a count by the words after it: "87 dự án đầu tư mới"', () => {
    expect(read('Thu hút được 87 dự án đầu tư mới với tổng vốn đầu tư đăng ký đạt 14.527 tỷ đồng')).toEqual([
      { op: 'eq', lo: 87, hi: 87, unit: 'dự án', indicator: 'Thu hút dự án đầu tư mới' },
      { op: 'eq', lo: 14527, hi: 14527, unit: 'tỷ đồng', indicator: 'tổng vốn đầu tư đăng ký' },
    ]);
  });
  it('gives "A và B ..., lần lượt X% và Y%" A to X and B to Y', () => {
    const qs = read(
      'tổng vốn đầu tư toàn xã hội và kim ngạch xuất khẩu đạt thấp, lần lượt 45,5% và 46,4% so với kế hoạch năm',
    );
    expect(qs.map((q) => q.indicator)).toEqual([
      'tổng vốn đầu tư toàn xã hội so với kế hoạch năm',
      'kim ngạch xuất khẩu so với kế hoạch năm',
    ]);
  });
  it('marks a plan figure beside an actual: "đạt 5,8 tỷ USD (KH là 7 tỷ USD)"', () => {
    const qs = readQuantities('kim ngạch xuất khẩu đạt 5,8 tỷ USD (KH là 7 tỷ USD)', 0);
    expect(qs.map((q) => [q.lo, q.cue])).toEqual([
      [5.8, null],
      [7, 'plan'],
    ]);
    expect(qs[1]?.indicator).toBe('kim ngạch xuất khẩu');
  });
  it('takes the unit of a bare plan figure from the actual beside it: "bình quân 9,3 (KH là 9,5)"', () => {
    expect(read('số bác sỹ/01 vạn dân bình quân 9,3 (KH là 9,5)').map((q) => [q.lo, q.unit])).toEqual([
      [9.3, 'bác sỹ/vạn dân'],
      [9.5, 'bác sỹ/vạn dân'],
    ]);
  });
  it('reads "319,59/428,39 ha" as the area done and the area planned', () => {
    const qs = readQuantities('Giải phóng mặt bằng 319,59/428,39 ha cụm công nghiệp', 0);
    expect(qs.map((q) => [q.lo, q.unit, q.cue])).toEqual([
      [319.59, 'ha', 'achieved'],
      [428.39, 'ha', 'plan'],
    ]);
  });
  it('never reads dates, document numbers, list numbers, ranks or names as values', () => {
    expect(read('Kết luận số 726-KL/TU ngày 05/12/2023 của Ban Chấp hành')).toEqual([]);
    expect(read('xếp thứ 24/63 tỉnh, thành phố')).toEqual([]);
    expect(read('thực hiện 3 đột phá chiến lược; chính quyền 02 cấp')).toEqual([]);
    expect(read('Hội nghị lần thứ 32; sau 04 tháng; giai đoạn 2021 - 2025')).toEqual([]);
    expect(read('dịch vụ công trực tuyến cấp độ 3, 4 thực chất')).toEqual([]);
  });
  it('reads "trên 1 ha" as a per-unit, not a value', () => {
    expect(read('Giá trị sản phẩm trên 1ha đất trồng trọt đạt 245 triệu đồng').map((q) => q.lo)).toEqual([
      245,
    ]);
  });
  it('reads "ít nhất mỗi năm 1 lần" as at least 1 lần/năm', () => {
    expect(read('khám sàng lọc miễn phí cho người dân ít nhất mỗi năm 1 lần')[0]).toMatchObject({
      op: 'gte',
      lo: 1,
      unit: 'lần/năm',
    });
  });
  it('keeps a number with no unit out (and reads nothing from empty text)', () => {
    expect(read('đạt 12 trong tổng số')).toEqual([]);
    expect(read('')).toEqual([]);
  });
});
