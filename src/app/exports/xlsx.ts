import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Store } from '../../store/db.js';
import { scorecards } from '../followup.js';
import { watchTable } from '../watch.js';
import { periodOrThrow, periodTasks } from './data.js';
import { ATTAINMENT_VI, COLOUR_ARGB, COLOUR_VI, periodTitle, planText, STATUS_VI } from './labels.js';

/** Numbers are cells of numbers; Excel shows them with the reader's separators (1.234,5 in Vietnamese). */
const NUMBER = '#,##0.##';
const PERCENT1 = '0.0';

function dateCell(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

function title(sheet: ExcelJS.Worksheet, text: string, width: number): void {
  sheet.mergeCells(1, 1, 1, width);
  const cell = sheet.getCell(1, 1);
  cell.value = text;
  cell.font = { name: 'Times New Roman', bold: true, size: 14 };
  cell.alignment = { horizontal: 'center' };
}

function header(row: ExcelJS.Row): void {
  row.font = { name: 'Times New Roman', bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
    c.border = {
      top: { style: 'thin' },
      bottom: { style: 'thin' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    };
  });
}

/** Writes an .xlsx of the targets, the tasks or the scorecard of a period to `out`, streaming rows. */
export async function writeXlsx(
  store: Store,
  kind: 'targets' | 'tasks' | 'scorecard',
  periodKey: string,
  today: string,
  out: Writable,
): Promise<void> {
  const period = periodOrThrow(periodKey);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Rõ';
  if (kind === 'targets') {
    const sheet = workbook.addWorksheet('Chỉ tiêu', { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.columns = [
      { key: 'stt', width: 6 },
      { key: 'indicator', width: 48 },
      { key: 'unit', width: 14 },
      { key: 'period', width: 12 },
      { key: 'plan', width: 18 },
      { key: 'lo', width: 12, style: { numFmt: NUMBER } },
      { key: 'hi', width: 12, style: { numFmt: NUMBER } },
      { key: 'actual', width: 14, style: { numFmt: NUMBER } },
      { key: 'actualPeriod', width: 12 },
      { key: 'percent', width: 12, style: { numFmt: PERCENT1 } },
      { key: 'status', width: 16 },
      { key: 'colour', width: 28 },
      { key: 'source', width: 18 },
    ];
    title(sheet, `BẢNG CHỈ TIÊU ${periodTitle(period.key).toUpperCase()}`, 13);
    const head = sheet.addRow([
      'STT',
      'Chỉ tiêu',
      'Đơn vị',
      'Kỳ kế hoạch',
      'Kế hoạch',
      'Cận dưới',
      'Cận trên',
      'Thực hiện',
      'Kỳ số liệu',
      '% kế hoạch',
      'Đánh giá',
      'Mức cảnh báo',
      'Văn bản',
    ]);
    header(head);
    head.commit();
    const rows = await watchTable(store, period.key);
    rows.forEach((r, i) => {
      const row = sheet.addRow({
        stt: i + 1,
        indicator: r.indicator,
        unit: r.plan.unit,
        period: r.targetPeriod,
        plan: planText(r.plan.op, r.plan.raw, ''),
        lo: r.plan.lo,
        hi: r.plan.hi,
        actual: r.latest?.value ?? null,
        actualPeriod: r.latest?.period ?? '',
        percent: r.percentOfPlan,
        status: ATTAINMENT_VI[r.status],
        colour: COLOUR_VI[r.colour],
        source: r.directiveNumber ?? '',
      });
      row.getCell('colour').fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: COLOUR_ARGB[r.colour] },
      };
      row.commit();
    });
  } else if (kind === 'tasks') {
    const sheet = workbook.addWorksheet('Nhiệm vụ', { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.columns = [
      { key: 'stt', width: 6 },
      { key: 'directive', width: 16 },
      { key: 'section', width: 10 },
      { key: 'text', width: 70 },
      { key: 'lead', width: 30 },
      { key: 'deadline', width: 13, style: { numFmt: 'dd/mm/yyyy' } },
      { key: 'status', width: 26 },
      { key: 'progress', width: 10, style: { numFmt: '0' } },
      { key: 'completed', width: 14, style: { numFmt: 'dd/mm/yyyy' } },
      { key: 'daysLate', width: 10, style: { numFmt: '0' } },
    ];
    title(sheet, `DANH SÁCH NHIỆM VỤ ${periodTitle(period.key).toUpperCase()}`, 10);
    const head = sheet.addRow([
      'STT',
      'Văn bản',
      'Mục',
      'Nhiệm vụ',
      'Đơn vị chủ trì',
      'Thời hạn',
      'Tình trạng',
      'Tiến độ (%)',
      'Ngày hoàn thành',
      'Số ngày trễ',
    ]);
    header(head);
    head.commit();
    const tasks = await periodTasks(store, period, today);
    tasks.forEach((t, i) => {
      const row = sheet.addRow({
        stt: i + 1,
        directive: t.number ?? t.title ?? '',
        section: t.section,
        text: t.text,
        lead: t.lead,
        deadline: dateCell(t.deadline),
        status: STATUS_VI[t.status.status],
        progress: t.progress,
        completed: dateCell(t.completed_at),
        daysLate: t.status.daysLate,
      });
      row.getCell('text').alignment = { wrapText: true, vertical: 'top' };
      row.commit();
    });
  } else {
    const sheet = workbook.addWorksheet('Xếp loại', { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.columns = [
      { key: 'rank', width: 7 },
      { key: 'unit', width: 40 },
      { key: 'due', width: 12 },
      { key: 'onTime', width: 12 },
      { key: 'late', width: 12 },
      { key: 'overdue', width: 12 },
      { key: 'onTimeRate', width: 14, style: { numFmt: PERCENT1 } },
      { key: 'reportsOnTime', width: 14 },
      { key: 'reportsLate', width: 12 },
      { key: 'reportsMissing', width: 12 },
      { key: 'score', width: 10, style: { numFmt: PERCENT1 } },
    ];
    title(sheet, `XẾP LOẠI ĐƠN VỊ ${periodTitle(period.key).toUpperCase()}`, 11);
    const head = sheet.addRow([
      'Hạng',
      'Đơn vị',
      'Nhiệm vụ đến hạn',
      'Đúng hạn',
      'Trễ hạn',
      'Quá hạn',
      'Tỷ lệ đúng hạn (%)',
      'Báo cáo đúng hạn',
      'Báo cáo trễ',
      'Báo cáo thiếu',
      'Điểm',
    ]);
    header(head);
    head.commit();
    for (const c of await scorecards(store, period.key, today)) {
      sheet
        .addRow({
          rank: c.rank,
          unit: c.name,
          due: c.tasksDue,
          onTime: c.completedOnTime,
          late: c.completedLate,
          overdue: c.overdue,
          onTimeRate: c.onTimeRate,
          reportsOnTime: c.reportsOnTime,
          reportsLate: c.reportsLate,
          reportsMissing: c.reportsMissing,
          score: c.score,
        })
        .commit();
    }
    sheet.addRow([]).commit();
    sheet
      .addRow([
        'Cách tính: Điểm = 50 × tỷ lệ đúng hạn + 20 × (1 − tỷ lệ quá hạn) + 20 × tỷ lệ báo cáo đúng hạn + 10 × tỷ lệ chỉ tiêu đạt; phần không có gì để đo được bỏ qua, các phần còn lại quy về thang 100; bằng điểm thì cùng hạng.',
      ])
      .commit();
  }
  await workbook.commit();
}
