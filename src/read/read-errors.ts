import type { ReadError, ReadErrorCode, ReadResult } from './types.js';

/** A reader's refusal, as `readDocument` returns it. */
export type ReadFailure = Extract<ReadResult, { ok: false }>;

/**
 * Every message names the file, says what is wrong and how to fix it, in Vietnamese with an
 * English gist in brackets: "<file>: <vấn đề>. <cách sửa>. (<gist>.)".
 */
function failure(code: ReadErrorCode, file: string, vietnamese: string, english: string): ReadFailure {
  const error: ReadError = { code, message: `${file}: ${vietnamese} (${english})` };
  return { ok: false, error };
}

/** "1,5 MB", "12 KB": sizes as a Vietnamese reader writes them. */
export function formatSize(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes < MiB) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / MiB).toFixed(1).replace(/\.0$/, '').replace('.', ',')} MB`;
}

const LEGACY_FONT_EXAMPLE = { TCVN3: '.VnTime', VNI: 'VNI-Times' } as const;

const OTHER_DOCUMENTS = {
  xlsx: ['bảng tính Excel (.xlsx)', 'an Excel workbook'],
  pptx: ['bản trình chiếu PowerPoint (.pptx)', 'a PowerPoint deck'],
  odt: ['văn bản OpenDocument (.odt)', 'an OpenDocument text'],
  zip: ['tệp nén .zip', 'a zip archive'],
} as const;

export type OtherZip = keyof typeof OTHER_DOCUMENTS;

/** The refusals readers return, one factory per situation. */
export const readErrors = {
  notFound: (path: string) =>
    failure(
      'not-found',
      path,
      'không tìm thấy tệp. Hãy kiểm tra lại đường dẫn và tên tệp.',
      'file not found: check the path',
    ),
  cannotOpen: (path: string, reason: string) =>
    failure(
      'cannot-open',
      path,
      `không mở được tệp (${reason}). Hãy kiểm tra quyền đọc tệp, hoặc chép tệp sang thư mục của bạn rồi thử lại.`,
      'the file cannot be opened: check that it is readable',
    ),
  notAFile: (path: string, isDirectory: boolean) =>
    failure(
      'not-a-file',
      path,
      `${isDirectory ? 'đây là một thư mục' : 'đây không phải tệp thông thường'}, không phải tệp văn bản. Hãy chọn từng tệp .docx, .pdf, .txt hoặc .md.`,
      isDirectory ? 'a folder, not a file' : 'not a regular file',
    ),
  tooLarge: (file: string, size: number | null, max: number) =>
    failure(
      'too-large',
      file,
      `tệp quá lớn (${size === null ? '' : `${formatSize(size)}; `}tối đa ${formatSize(max)}). Hãy tách văn bản thành nhiều tệp hoặc bỏ bớt ảnh.`,
      `the file is over the ${formatSize(max)} limit`,
    ),
  pdfTextTooLong: (file: string, max: number) =>
    failure(
      'too-large',
      file,
      `chữ trong tệp PDF quá dài (trên ${formatSize(max)}). Hãy tách văn bản thành nhiều tệp.`,
      'the PDF holds too much text',
    ),
  legacyWord: (file: string) =>
    failure(
      'unsupported-format',
      file,
      'đây là tệp Word cũ (.doc), Excel cũ (.xls) hoặc tệp .docx có mật khẩu. Hãy mở bằng Word hoặc LibreOffice, bỏ mật khẩu nếu có, rồi lưu thành .docx.',
      'legacy .doc or password-protected file: save it as .docx',
    ),
  rtf: (file: string) =>
    failure(
      'unsupported-format',
      file,
      'tệp RTF chưa được hỗ trợ. Hãy mở bằng Word hoặc LibreOffice và lưu thành .docx.',
      'RTF is not supported: save it as .docx',
    ),
  image: (file: string) =>
    failure(
      'unsupported-format',
      file,
      'đây là tệp ảnh (có thể là bản quét). Nhận dạng chữ (OCR) chưa được hỗ trợ; hãy gửi tệp .docx hoặc PDF có lớp chữ.',
      'an image: OCR is not supported yet, send a .docx or a PDF with text',
    ),
  archive: (file: string) =>
    failure(
      'unsupported-format',
      file,
      'đây là tệp nén (.gz, .rar, .7z). Hãy giải nén và gửi từng văn bản.',
      'a compressed archive: extract it and send each document',
    ),
  otherZip: (file: string, kind: OtherZip) =>
    failure(
      'unsupported-format',
      file,
      `đây là ${OTHER_DOCUMENTS[kind][0]}, không phải văn bản Word .docx. ${
        kind === 'odt'
          ? 'Hãy mở bằng LibreOffice và lưu thành .docx.'
          : kind === 'zip'
            ? 'Hãy giải nén và gửi từng văn bản.'
            : 'Rõ đọc văn bản .docx, .pdf, .txt và .md.'
      }`,
      `${OTHER_DOCUMENTS[kind][1]}, not a Word document`,
    ),
  legacyFont: (file: string, font: keyof typeof LEGACY_FONT_EXAMPLE) =>
    failure(
      'unsupported-encoding',
      file,
      `văn bản được gõ bằng bảng mã cũ ${font} (phông chữ kiểu ${LEGACY_FONT_EXAMPLE[font]}), không phải Unicode, nên chữ Việt sẽ bị sai. Hãy chuyển sang Unicode, ví dụ bằng công cụ "Chuyển mã" của UniKey (nguồn ${font}, đích Unicode), rồi thử lại.`,
      `legacy ${font} font encoding: convert the text to Unicode first, e.g. with UniKey's converter`,
    ),
  unknownEncoding: (file: string) =>
    failure(
      'unsupported-encoding',
      file,
      'tệp không phải UTF-8 và cũng không đọc được thành tiếng Việt theo bảng mã Windows-1258. Hãy mở tệp và lưu lại với bảng mã UTF-8 (Notepad: Save As, Encoding: UTF-8).',
      'unknown 8-bit encoding: save the file as UTF-8',
    ),
  binary: (file: string, claimed: string | null) =>
    failure(
      'binary-content',
      file,
      claimed === null
        ? 'tệp chứa dữ liệu nhị phân, không phải văn bản. Rõ đọc tệp .docx, .pdf có lớp chữ, .txt và .md.'
        : `tên tệp có đuôi .${claimed} nhưng nội dung không phải tệp .${claimed} (tệp hỏng hoặc bị đổi tên). Hãy xuất lại tệp từ chương trình đã tạo ra nó.`,
      claimed === null
        ? 'binary data, not text'
        : `named .${claimed} but its content is not: damaged or renamed`,
    ),
  corruptDocx: (file: string, detail: string) =>
    failure(
      'corrupt-docx',
      file,
      `tệp .docx bị hỏng (${detail}). Hãy mở bằng Word hoặc LibreOffice, lưu lại thành .docx rồi thử lại.`,
      'the .docx is damaged: open and save it again',
    ),
  docxTooLarge: (file: string, detail: string) =>
    failure(
      'docx-too-large-uncompressed',
      file,
      `tệp .docx khi giải nén quá lớn (${detail}); Rõ từ chối để bảo vệ máy chủ. Hãy lưu lại văn bản không kèm ảnh hoặc đối tượng nhúng lớn.`,
      'the .docx would inflate too far and was refused unread',
    ),
  pdfNoTextLayer: (file: string) =>
    failure(
      'pdf-no-text-layer',
      file,
      'tệp PDF không có lớp chữ (có thể là bản quét). Hãy dùng bản PDF có chữ hoặc tệp .docx; nhận dạng chữ (OCR) chưa được hỗ trợ.',
      'the PDF has no text layer: OCR is not supported yet',
    ),
  pdfDamaged: (file: string, gist: string) =>
    failure(
      'pdf-unreadable',
      file,
      `không đọc được tệp PDF (${gist}). Tệp có thể bị hỏng; hãy xuất lại PDF hoặc gửi tệp .docx.`,
      'the PDF could not be read: it may be damaged',
    ),
  pdfEncrypted: (file: string) =>
    failure(
      'pdf-unreadable',
      file,
      'tệp PDF có mật khẩu. Hãy gỡ mật khẩu (mở tệp rồi lưu hoặc in lại thành PDF) hoặc gửi tệp .docx.',
      'the PDF is password-protected',
    ),
  pdfCopyForbidden: (file: string) =>
    failure(
      'pdf-unreadable',
      file,
      'tệp PDF không cho phép sao chép chữ. Hãy gửi tệp .docx hoặc bản PDF không hạn chế quyền.',
      'the PDF forbids copying its text',
    ),
  pdfTimedOut: (file: string, timeoutMs: number) =>
    failure(
      'pdf-unreadable',
      file,
      `đọc tệp PDF quá ${Math.round(timeoutMs / 1000)} giây nên đã dừng. Hãy gửi tệp .docx hoặc bản PDF nhỏ hơn.`,
      'reading the PDF timed out',
    ),
  pdfNotUnicode: (file: string) =>
    failure(
      'pdf-unreadable',
      file,
      'phông chữ trong tệp PDF không cho biết chữ nào được vẽ (không có bảng mã Unicode), nên không đọc đúng được. Hãy xuất lại PDF từ Word hoặc LibreOffice, hoặc gửi tệp .docx.',
      "the PDF's fonts do not map to Unicode",
    ),
  missingPdftotext: (file: string, command: string, reason: string) =>
    failure(
      'missing-system-tool',
      file,
      `cần chương trình pdftotext để đọc PDF nhưng không chạy được "${command}" (${reason}). Cài bằng: apt-get install poppler-utils.`,
      'reading PDFs needs pdftotext: apt-get install poppler-utils',
    ),
};
