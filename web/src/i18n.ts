import { useSyncExternalStore } from 'react';

export type Lang = 'vi' | 'en';

const vi = {
  appName: 'Rõ',
  overview: 'Tổng quan',
  directives: 'Văn bản',
  targets: 'Chỉ tiêu',
  tasks: 'Nhiệm vụ',
  reports: 'Báo cáo',
  scorecard: 'Xếp loại',
  login: 'Đăng nhập',
  logout: 'Đăng xuất',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  loading: 'Đang tải…',
  number: 'Số',
  type: 'Loại',
  date: 'Ngày',
  issuer: 'Cơ quan ban hành',
  status: 'Trạng thái',
  draft: 'Bản nháp',
  confirmed: 'Đã xác nhận',
  upload: 'Tải văn bản lên (.txt, .docx, .pdf) — kéo thả vào đây hoặc chọn tệp',
  uploading: 'Đang tải lên…',
  confirm: 'Xác nhận kế hoạch',
  source: 'Văn bản gốc',
  lead: 'Chủ trì',
  deadline: 'Thời hạn',
  save: 'Lưu',
  overdue: 'Quá hạn',
  dueSoon: 'Sắp đến hạn',
  all: 'Tất cả',
  search: 'Tìm (không cần dấu)',
  progress: 'Tiến độ',
  note: 'Ghi chú',
  submit: 'Gửi báo cáo',
  saveDraft: 'Lưu nháp',
  returnReport: 'Trả lại',
  reason: 'Lý do',
  difficulties: 'Khó khăn, vướng mắc',
  recommendations: 'Kiến nghị, đề xuất',
  period: 'Kỳ',
  rank: 'Hạng',
  unit: 'Đơn vị',
  score: 'Điểm',
  onTime: 'Đúng hạn',
  late: 'Trễ hạn',
  tasksDue: 'Nhiệm vụ đến hạn',
  plan: 'Kế hoạch',
  actual: 'Thực hiện',
  percentOfPlan: '% KH',
  colour: 'Cảnh báo',
  error: 'Có lỗi',
  noData: 'Chưa có dữ liệu',
  completedClaim: 'Báo hoàn thành',
  export: 'Xuất',
  warnings: 'Cần xem lại',
  language: 'English',
  worstUnits: 'Đơn vị cần chú ý',
  reportCompleteness: 'Báo cáo đã nộp',
  forbiddenNote: 'Bạn chỉ cập nhật nhiệm vụ do đơn vị mình chủ trì.',
};

const en: typeof vi = {
  appName: 'Rõ',
  overview: 'Overview',
  directives: 'Directives',
  targets: 'Targets',
  tasks: 'Tasks',
  reports: 'Reports',
  scorecard: 'Scorecard',
  login: 'Log in',
  logout: 'Log out',
  username: 'Username',
  password: 'Password',
  loading: 'Loading…',
  number: 'No.',
  type: 'Type',
  date: 'Date',
  issuer: 'Issuer',
  status: 'Status',
  draft: 'Draft',
  confirmed: 'Confirmed',
  upload: 'Upload a directive (.txt, .docx, .pdf) — drop it here or choose a file',
  uploading: 'Uploading…',
  confirm: 'Confirm the plan',
  source: 'Source text',
  lead: 'Lead',
  deadline: 'Deadline',
  save: 'Save',
  overdue: 'Overdue',
  dueSoon: 'Due soon',
  all: 'All',
  search: 'Search (diacritics optional)',
  progress: 'Progress',
  note: 'Note',
  submit: 'Submit report',
  saveDraft: 'Save draft',
  returnReport: 'Return',
  reason: 'Reason',
  difficulties: 'Difficulties',
  recommendations: 'Recommendations',
  period: 'Period',
  rank: 'Rank',
  unit: 'Unit',
  score: 'Score',
  onTime: 'On time',
  late: 'Late',
  tasksDue: 'Tasks due',
  plan: 'Plan',
  actual: 'Actual',
  percentOfPlan: '% of plan',
  colour: 'Watch',
  error: 'Error',
  noData: 'No data yet',
  completedClaim: 'Report done',
  export: 'Export',
  warnings: 'To review',
  language: 'Tiếng Việt',
  worstUnits: 'Units needing attention',
  reportCompleteness: 'Reports submitted',
  forbiddenNote: 'You may update only the tasks your unit leads.',
};

export type Messages = typeof vi;
const DICTS: Record<Lang, Messages> = { vi, en };

let lang: Lang = (localStorage.getItem('ro.lang') as Lang | null) ?? 'vi';
const listeners = new Set<() => void>();

export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem('ro.lang', next);
  document.documentElement.lang = next;
  listeners.forEach((l) => l());
}

export function useT(): { t: Messages; lang: Lang } {
  const current = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => lang,
  );
  return { t: DICTS[current], lang: current };
}
