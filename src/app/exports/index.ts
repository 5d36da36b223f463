import type { Writable } from 'node:stream';
import type { Store } from '../../store/db.js';
import { AppError } from '../errors.js';
import { buildReportDocx, DEFAULT_HEADING, type ReportHeading } from './docx.js';
import { writeXlsx } from './xlsx.js';

export type ExportKind = 'targets' | 'tasks' | 'scorecard' | 'report';
export type ExportFormat = 'xlsx' | 'docx';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Tables come as .xlsx; the compiled report as .docx. Anything else is a clear error. */
export function checkExport(kind: ExportKind, format: ExportFormat): void {
  const ok = kind === 'report' ? format === 'docx' : format === 'xlsx';
  if (!ok) {
    throw new AppError(
      'invalid',
      kind === 'report'
        ? 'Báo cáo tổng hợp xuất ra .docx (--format docx). (The report is exported as .docx.)'
        : `Bảng "${kind}" xuất ra .xlsx (--format xlsx). (Tables are exported as .xlsx.)`,
      { field: 'format' },
    );
  }
}

/** Writes the export to `out` (streamed for spreadsheets). */
export async function writeExport(
  store: Store,
  request: { kind: ExportKind; format: ExportFormat; period: string; today: string; heading?: ReportHeading },
  out: Writable,
): Promise<void> {
  checkExport(request.kind, request.format);
  if (request.kind === 'report') {
    const buffer = await buildReportDocx(
      store,
      request.period,
      request.today,
      request.heading ?? DEFAULT_HEADING,
    );
    await new Promise<void>((resolve, reject) =>
      out.end(buffer, (error?: Error | null) => (error ? reject(error) : resolve())),
    );
    return;
  }
  await writeXlsx(store, request.kind, request.period, request.today, out);
}
