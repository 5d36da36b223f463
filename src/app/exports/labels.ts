import type { TaskStatus } from '../../domain/task-status.js';
import type { WatchColour } from '../../domain/watch.js';

export const STATUS_VI: Record<TaskStatus, string> = {
  completed_on_time: 'Hoàn thành đúng hạn',
  completed_late: 'Hoàn thành quá hạn',
  in_progress: 'Đang thực hiện trong hạn',
  overdue: 'Quá hạn chưa hoàn thành',
  no_deadline: 'Không có thời hạn',
};

export const COLOUR_VI: Record<WatchColour, string> = {
  red: 'Đỏ — có nguy cơ không đạt',
  orange: 'Cam — cần chú ý',
  green: 'Xanh — đạt/đúng tiến độ',
  grey: 'Xám — chưa đánh giá được',
};

export const COLOUR_ARGB: Record<WatchColour, string> = {
  red: 'FFF4C7C3',
  orange: 'FFFCE8B2',
  green: 'FFB7E1CD',
  grey: 'FFE0E0E0',
};

export const ATTAINMENT_VI = { met: 'Đạt', not_met: 'Không đạt', no_data: 'Chưa có số liệu' } as const;

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "Quý II năm 2026", "6 tháng đầu năm 2024", "tháng 02 năm 2025", "năm 2024". */
export function periodTitle(key: string): string {
  let m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return `quý ${ROMAN[Number(m[2]) - 1]} năm ${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return `6 tháng ${m[2] === '1' ? 'đầu' : 'cuối'} năm ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return `tháng ${m[2]} năm ${m[1]}`;
  m = /^(\d{4})$/.exec(key);
  if (m) return `năm ${m[1]}`;
  return key;
}

export function planText(op: string, raw: string, unit: string): string {
  const words: Record<string, string> = { about: 'khoảng ', gt: 'trên ', gte: '≥ ', lt: 'dưới ', lte: '≤ ' };
  return `${words[op] ?? ''}${raw.replace(/-/, '–')} ${unit}`.trim();
}
