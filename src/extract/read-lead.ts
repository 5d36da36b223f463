/**
 * Lead pass: which body an item names to do the work ("Ban Tổ chức Tỉnh ủy chủ trì, phối
 * hợp với ...", "Đảng ủy UBND tỉnh chỉ đạo ...", "giao Ủy ban nhân dân tỉnh ..."), and the
 * bodies named to coordinate.
 */
import { foldDiacritics } from './vietnamese-text.js';

export interface LeadReading {
  readonly lead: string | null;
  readonly support: string[];
}

/** First words of a body's name (folded, diacritics removed). */
const BODY_START =
  /^(?:cac |nhung |toan the )?(?:ban|so|uy ban|ubnd|hdnd|ubmttq|mttq|ubkt|hoi dong|dang uy|dang doan|ban can su|bcs|van phong|thuong truc|thuong vu|mat tran|cap uy|cap chinh quyen|chinh quyen|cong an|bo chi huy|bo tu lenh|thanh pho|thi xa|huyen|xa|phuong|huyen uy|thi uy|thanh uy|tinh uy|thanh uy|dang bo|chu dau tu|trung tam|cuc|chi cuc|kho bac|ngan hang|toa an|vien kiem sat|tinh doan|doan thanh nien|hoi (?:nong dan|lien hiep|cuu chien binh|phu nu|doanh nghiep|chu thap)|lien doan|lien minh|bao chi|dai phat thanh|truong|benh vien|bo(?! sung)|chinh phu|thu tuong|quoc hoi|to dai bieu|doan dai bieu|dai bieu|co quan|don vi|dia phuong|nganh|doanh nghiep|to chuc (?:dang|chinh tri)|to cong tac|ban chi dao|nguoi dung dau|lanh dao (?:tinh|so|ban|uy ban|ubnd|cac)|bi thu|chu tich|giam doc|thu truong|bo truong|tong giam doc|ubnd|hdnd|vptu|ban tuyen giao|ban to chuc|ban noi chinh|ban dan van|ban kinh te|ban quan ly|cac cap)\b/;

/** Words that begin like a body's name but are not one ("Phương châm", "Ban hành", "Xã hội hóa"). */
const NOT_A_BODY =
  /^(?:cac )?(?:phuong (?:cham|an|huong|thuc|tien|phap)|ban hanh|xa hoi|so (?:luong|hoa|lieu|sanh)|truong hop|cuc bo|bo sung|hoi (?:nghi|nhap)|dai (?:hoi|dien))/;

/** Verbs that end the name of the body doing the work. Matched lowercase, on the original words. */
const ACTION_VERBS = [
  'chủ trì',
  'chỉ đạo',
  'lãnh đạo',
  'tập trung',
  'phối hợp',
  'tổ chức',
  'triển khai',
  'xây dựng',
  'thực hiện',
  'rà soát',
  'nghiên cứu',
  'tham mưu',
  'chủ động',
  'tăng cường',
  'phải',
  'cần',
  'khẩn trương',
  'bám sát',
  'theo dõi',
  'tổng hợp',
  'hướng dẫn',
  'ban hành',
  'nâng cao',
  'đẩy mạnh',
  'tích cực',
  'kịp thời',
  'quan tâm',
  'xem xét',
  'giám sát',
  'có trách nhiệm',
  'chịu trách nhiệm',
  'phát huy',
  'thường xuyên',
  'thành lập',
  'kiểm tra',
  'đề xuất',
  'báo cáo',
  'cụ thể hóa',
  'cụ thể hoá',
  'quán triệt',
  'tiếp tục',
  'đảm bảo',
  'bảo đảm',
  'ưu tiên',
  'huy động',
  'làm tốt',
  'định kỳ',
  'duy trì',
  'căn cứ',
  'trình',
  'đôn đốc',
  'hoàn thành',
  'khắc phục',
  'chuẩn bị',
  'tuyên truyền',
  'phổ biến',
  'vận động',
  'hỗ trợ',
  'sớm',
  'quyết liệt',
  'đổi mới',
  'rút kinh nghiệm',
  'đăng ký',
  'thẩm định',
  'phê duyệt',
  'cập nhật',
  'điều chỉnh',
  'bố trí',
  'xử lý',
  'thu hồi',
  'sắp xếp',
  'cung cấp',
  'gửi',
  'được',
  'là',
  'sẽ',
  'đã',
  'đang',
  'nắm',
  'tạo',
  'động viên',
  'giải quyết',
  'đẩy nhanh',
  'nhanh chóng',
  'lập',
  'yêu cầu',
  'đề nghị',
  'giao',
  'thống nhất',
  'nâng cấp',
  'hoàn thiện',
  'làm sạch',
  'số hóa',
  'kết nối',
  'tích hợp',
  'vận hành',
  'quản lý',
  'tiếp nhận',
  'phát triển',
  'mở rộng',
];
const VERB_AT = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${ACTION_VERBS.map((v) => v.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{M}])`,
  'u',
);

const MAX_NAME_WORDS = 70;

/**
 * Reads the body a text names as its doer: the body it opens with, or the one it hands the
 * work to ("giao X ..."); an `intro` ("... yêu cầu X tập trung thực hiện các nhiệm vụ sau:")
 * may name it anywhere.
 */
export function readLead(text: string, options: { intro?: boolean } = {}): LeadReading {
  const clause = stripOpening(text);
  const assigned = options.intro
    ? /(?:^|\s)(?:giao|yêu cầu|đề nghị)\s+/iu.exec(clause.slice(0, 600))
    : /^(?:giao|đề nghị|yêu cầu)\s+/iu.exec(clause);
  const subject = readSubject(clause);
  if (subject) {
    const after = clause.slice(subject.length);
    // "Hội đồng nhân dân tỉnh giao Ủy ban nhân dân tỉnh tổ chức ..." → the body given the work
    const given = /^\s*(?:giao|yêu cầu|đề nghị)\s+/u.exec(after);
    if (given) {
      const object = readSubject(after.slice(given[0].length));
      if (object) return { lead: object, support: readSupport(after.slice(given[0].length + object.length)) };
    }
    return { lead: subject, support: readSupport(after) };
  }
  if (assigned) {
    const rest = clause.slice(assigned.index + assigned[0].length);
    const object = readSubject(rest);
    if (object) return { lead: object, support: readSupport(rest.slice(object.length)) };
  }
  // "Chủ trì, phối hợp với Công an tỉnh ...": the lead is the heading's, the support is named here
  return { lead: null, support: /^(?:chủ trì|phối hợp)/iu.test(clause) ? readSupport(clause) : [] };
}

/** Drops an opening adverbial phrase: "Theo thẩm quyền và quy định, X ...", "Chậm nhất trong tháng 6/2026, X ...". */
function stripOpening(text: string): string {
  const t = text.trim();
  const comma = t.indexOf(', ');
  if (comma > 0 && comma < 80) {
    const head = foldDiacritics(t.slice(0, comma));
    if (
      /^(?:theo |cham nhat|trong |truoc |den |nam \d|ngay |thang |quy |dong thoi|tren co so|can cu|sau khi|de |doi voi )/.test(
        head,
      )
    )
      return t.slice(comma + 2);
  }
  return t.replace(/^giao cho\s+/iu, 'giao ');
}

/** The body name at the start of `s`, up to the first action verb; null when `s` starts with no body. */
function readSubject(s: string): string | null {
  const t = s.trimStart();
  const folded = foldDiacritics(t.slice(0, 40));
  if (!BODY_START.test(folded) || NOT_A_BODY.test(folded)) return null;
  const verb = findVerb(t);
  if (verb <= 0) return null;
  const name = t
    .slice(0, verb)
    .trim()
    .replace(/[,;:]$/, '')
    .trim();
  if (!name || name.split(/\s+/).length > MAX_NAME_WORDS || /[.]\s/.test(name)) return null;
  return name;
}

/** Index of the first lowercase action verb, skipping name parts ("Ban Tổ chức", "tham mưu, giúp việc"). */
function findVerb(t: string): number {
  let from = 0;
  while (from < t.length && from < 600) {
    const m = VERB_AT.exec(t.slice(from));
    if (!m) return -1;
    const at = from + m.index;
    const word = m[0];
    const isNamePart =
      /^\p{Lu}/u.test(word) ||
      (/^tham mưu/u.test(word) && /^tham mưu,?\s+giúp việc/u.test(t.slice(at))) ||
      (/^tổ chức/u.test(word) &&
        /(?:các|cấp ủy,|ủy,)\s*$/u.test(t.slice(0, at)) &&
        /^tổ chức\s+(?:đảng|chính trị|,)/u.test(t.slice(at))) ||
      (/^tổ chức/u.test(word) &&
        /^tổ chức\s+(?:đảng|chính trị - xã hội|chính trị-xã hội)/u.test(t.slice(at)));
    if (!isNamePart) return at;
    from = at + word.length;
  }
  return -1;
}

/** Bodies after "phối hợp với": split at commas between names, up to the next verb. */
function readSupport(after: string): string[] {
  const m = /phối hợp(?:\s+chặt chẽ)?\s+với\s+/u.exec(after.slice(0, 200));
  if (!m) return [];
  const rest = after.slice(m.index + m[0].length);
  const verb = findVerb(rest);
  const list = (verb > 0 ? rest.slice(0, verb) : rest.slice(0, 200)).replace(/[,;:.]\s*$/, '').trim();
  return list ? [list] : [];
}

/** Bodies named precisely enough to be a later sentence's doer ("UBND cấp huyện rà soát ..."). */
export function isSpecificBody(name: string): boolean {
  return /^(?:UBND|HĐND|Ủy ban|Uỷ ban|Sở|Ban|Đảng ủy|Đảng uỷ|Đảng đoàn|Văn phòng|Công an|Bộ|Thường trực|Mặt trận|Tỉnh đoàn|Kho bạc|Ngân hàng|Cục|Chi cục|Trung tâm|Thanh tra)(?![\p{L}\p{M}])/u.test(
    name,
  );
}
