import { readFileSync } from 'node:fs';

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export const VERSION = readVersion();

export const USAGE = `Rõ ${VERSION} — đọc văn bản chỉ đạo, theo dõi chỉ tiêu và nhiệm vụ
(reads directives, tracks their targets and tasks)

Cách dùng / usage:
  ro extract FILE                   in JSON ro.extract/v1 của một văn bản
                                    (print the ro.extract/v1 JSON of one document)
  ro extract --out DIR FILE...      ghi DIR/<tên>.json cho từng tệp (write one JSON per file)
  ro extract --format table FILE... in bản tóm tắt dễ đọc (print a readable summary)
  ro import [--db PATH] [--confirm] [--replace-draft] FILE...
                                    nhập văn bản vào cơ sở dữ liệu thành bản nháp
                                    (import each file as a draft directive; --confirm makes it live)
  ro migrate [--db PATH]            tạo/cập nhật cơ sở dữ liệu (create or update the database)
  ro serve [--db PATH] [--port N] [--host H] [--demo] [--remind-at HH:MM]
                                    chạy máy chủ (default 127.0.0.1:8080); --demo nạp dữ liệu mẫu
                                    vào cơ sở dữ liệu trống (run the server; --demo loads demo data)
  ro demo [--db PATH]               nạp dữ liệu mẫu rồi thoát (load the demo data and exit)
  ro user add USERNAME --role admin|office|member|viewer [--unit NAME|ID] [--password-stdin]
                                    tạo tài khoản (create a user; prints a password unless given)
  ro backup FILE [--db PATH]        sao lưu nhất quán khi đang chạy (consistent online backup)
  ro remind [--today YYYY-MM-DD] [--days N] [--dry-run] [--json] [--db PATH]
                                    đôn đốc: nhiệm vụ sắp đến hạn, quá hạn, báo cáo chưa nộp theo đơn vị;
                                    ghi thông báo, không lặp trong ngày (follow-up reminders per unit)
  ro export targets|tasks|scorecard|report --period P --format xlsx|docx --out FILE [--today D]
                                    xuất bảng chỉ tiêu, nhiệm vụ, xếp loại (.xlsx) hoặc báo cáo tổng hợp
                                    theo Nghị định 30/2020/NĐ-CP (.docx)

Cơ sở dữ liệu / database: SQLite tại --db (mặc định ./data/ro.db), hoặc PostgreSQL khi đặt
DATABASE_URL=postgres://... (PostgreSQL when DATABASE_URL is set).

Tùy chọn / options:
  -o, --out DIR        thư mục ghi kết quả (output directory, created if missing)
  -f, --format FMT     json (mặc định / default) | table
      --lang LANG      vi (mặc định / default) | en; hoặc biến môi trường RO_LANG
      --all            bảng hiện mọi dòng (table: show every row)
      --max-bytes N    giới hạn kích thước tệp (file size limit, default 50 MiB)
  -h, --help           hướng dẫn này (this help)
  -v, --version        phiên bản (version)

Tệp nhận / accepted files: .txt .md (UTF-8, UTF-16, Windows-1258), .docx, .pdf có lớp chữ (text layer).
Mã thoát / exit codes: 0 thành công (ok), 1 có tệp không đọc được (a file failed), 2 sai cú pháp lệnh (usage).
`;
