/**
 * Reads the unit written after a number: "%", a scale word with its base ("tỷ đồng",
 * "nghìn tỷ đồng", "vạn lao động", "triệu USD"), a count noun ("huyện", "cụm công
 * nghiệp", "học sinh") and a per-part ("/người", "/1 vạn dân", "/100 bé gái", "/quý").
 */

const SCALE = /^(nghìn tỷ|ngàn tỷ|nghìn tỉ|ngàn tỉ|tỷ|tỉ|triệu|nghìn|ngàn|vạn)(?![\p{L}\p{M}])/u;

/** Count and measure nouns of more than one syllable, longest first. */
const MULTI_WORD_UNITS = [
  'cụm công nghiệp',
  'khu công nghiệp',
  'khu đô thị',
  'hộ gia đình',
  'lượt khách du lịch',
  'lượt khách',
  'lượt người',
  'lao động',
  'học sinh',
  'sinh viên',
  'huy chương',
  'dự án',
  'doanh nghiệp',
  'hợp tác xã',
  'bác sỹ',
  'bác sĩ',
  'giường bệnh',
  'bé trai',
  'bé gái',
  'công trình',
  'đảng viên',
  'tổ chức',
  'cơ sở',
  'trường học',
  'phòng học',
  'căn hộ',
  'nhà ở',
  'sản phẩm',
  'thủ tục',
  'hồ sơ',
  'đơn vị',
  'cán bộ',
  'tin, bài',
  'tin bài',
  'việc làm',
  'lượt',
  'đô la',
];

/** Words that follow a number without being its unit: time spans, names, grammar. */
const NOT_A_UNIT = new Set([
  'năm',
  'tháng',
  'ngày',
  'tuần',
  'giờ',
  'phút',
  'quý',
  'kỳ',
  'khóa',
  'khoá',
  'cấp',
  'đột',
  'nhiệm',
  'và',
  'của',
  'trong',
  'so',
  'với',
  'đến',
  'tới',
  'theo',
  'trên',
  'dưới',
  'là',
  'các',
  'những',
  'cho',
  'được',
  'đã',
  'đạt',
  'tăng',
  'giảm',
  'thì',
  'mà',
  'để',
  'tại',
  'từ',
  'về',
  'vào',
  'khi',
  'nhưng',
  'hoặc',
  'hay',
  'bằng',
  'có',
  'không',
  'chỉ',
  'này',
  'đó',
  'nói',
  'lên',
  'ra',
  'thứ',
  'loại',
  'số',
  'mới',
  'trở',
  // counts of documents name them ("9 nghị quyết chiến lược"), they are not indicator values
  'nghị',
  'kết',
  'quyết',
  'thông',
  'điều',
]);

export interface UnitReading {
  /** The unit as written, scale words included. */
  readonly unit: string;
  /** Characters consumed after the number (spaces included). */
  readonly length: number;
}

const WORD = /^[\p{L}\p{M}]+/u;

/** Reads the unit at the start of `rest` (the text right after a number); null when there is none. */
export function readUnit(rest: string): UnitReading | null {
  let pos = 0;
  const skipSpaces = () => {
    while (rest[pos] === ' ') pos++;
  };
  skipSpaces();
  if (rest[pos] === '%') {
    return { unit: '%', length: pos + 1 };
  }
  let unit = '';
  const scale = SCALE.exec(rest.slice(pos));
  if (scale) {
    unit = scale[1] ?? '';
    pos += unit.length;
    skipSpaces();
  }
  const base = readBase(rest.slice(pos), unit !== '');
  if (base) {
    unit = unit ? `${unit} ${base}` : base;
    pos += base.length;
  } else if (!unit) return null;
  const per =
    /^\s*\/\s*((?:\d+(?:[.,]\d+)?\s*)?(?:(?:nghìn|ngàn|vạn|triệu)\s+)?)([\p{L}\p{M}]+(?: (?:trai|gái|dân|người|khách))?)/u.exec(
      rest.slice(pos),
    );
  if (per) {
    unit = `${unit}/${per[1] ?? ''}${per[2] ?? ''}`.replace(/\/\s+/, '/');
    pos += per[0].length;
  }
  return { unit, length: pos };
}

function readBase(s: string, afterScale: boolean): string | null {
  const lower = s.toLowerCase();
  for (const u of MULTI_WORD_UNITS) {
    if (lower.startsWith(u) && !/^[\p{L}\p{M}]/u.test(s.slice(u.length))) return s.slice(0, u.length);
  }
  if (/^usd\b|^vnđ\b|^vnd\b/i.test(s)) return s.slice(0, 3);
  const w = WORD.exec(s);
  if (!w) return null;
  const word = w[0];
  if (afterScale) {
    // "tỷ đồng", "triệu USD", "vạn lao động": take the word, and a second one for a noun pair
    return word;
  }
  if (/^\p{Lu}/u.test(word) && word !== word.toUpperCase()) return null;
  if (NOT_A_UNIT.has(word.toLowerCase())) return null;
  return word;
}
