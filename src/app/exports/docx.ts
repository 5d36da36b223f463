import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { formatNumber } from '../../i18n/format.js';
import type { Store } from '../../store/db.js';
import { compilation } from '../followup.js';
import { periodOrThrow, periodTasks } from './data.js';
import { COLOUR_VI, periodTitle, planText, STATUS_VI } from './labels.js';

export interface ReportHeading {
  /** The body above the issuer, not bold: "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN". */
  readonly parent: string;
  /** The issuer, bold: "VĂN PHÒNG". */
  readonly issuer: string;
  /** The issuer's abbreviation in the number: "Số: .../BC-VP". */
  readonly symbol: string;
  readonly place: string;
  /** Signature block: the authority line (TM./KT./TL., may be empty), the position, the name. */
  readonly authority: string;
  readonly position: string;
  readonly signer: string;
  readonly recipients: readonly string[];
}

export const DEFAULT_HEADING: ReportHeading = {
  parent: 'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN',
  issuer: 'VĂN PHÒNG',
  symbol: 'VP',
  place: 'Hưng Yên',
  authority: '',
  position: 'CHÁNH VĂN PHÒNG',
  signer: '',
  recipients: [
    'Thường trực Tỉnh ủy (để báo cáo);',
    'Chủ tịch, các Phó Chủ tịch UBND tỉnh;',
    'Các sở, ban, ngành tỉnh;',
    'UBND các xã, phường;',
  ],
};

/** Nghị định 30/2020/NĐ-CP: days below 10 and the months 1 and 2 are written with a leading zero. */
export function placeDate(place: string, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m <= 2 ? `0${m}` : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

const FONT = 'Times New Roman';
/** Millimetres to twips, rounded to the nearest (the library's helper rounds down: 20 mm → 1133). */
const mm = (value: number) => Math.round((value * 1440) / 25.4);
const pt = (n: number) => n * 2;
const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

function line(
  text: string,
  options: { size?: number; bold?: boolean; italics?: boolean; underline?: boolean } = {},
  paragraph: IParagraphOptions = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    ...paragraph,
    children: [
      new TextRun({
        text,
        font: FONT,
        size: pt(options.size ?? 13),
        bold: options.bold ?? false,
        italics: options.italics ?? false,
        ...(options.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
      }),
    ],
  });
}

/** A body paragraph: 14 pt, justified, first-line indent 1 cm, 6 pt after. */
function body(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(10) },
    spacing: { after: 120, line: 300 },
    children: [
      new TextRun({
        text,
        font: FONT,
        size: pt(14),
        bold: options.bold ?? false,
        italics: options.italics ?? false,
      }),
    ],
  });
}

/** Text width of the page: A4 (210 mm) less the 30 mm and 15 mm side margins, in twips. */
const TEXT_WIDTH = mm(165);

function cell(
  text: string,
  options: {
    bold?: boolean;
    width?: number;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    shade?: string;
  } = {},
): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    ...(options.width
      ? { width: { size: Math.round((options.width / 100) * TEXT_WIDTH), type: WidthType.DXA } }
      : {}),
    ...(options.shade ? { shading: { fill: options.shade } } : {}),
    children: [
      new Paragraph({
        alignment: options.align ?? AlignmentType.LEFT,
        children: [new TextRun({ text, font: FONT, size: pt(12), bold: options.bold ?? false })],
      }),
    ],
  });
}

function table(
  headers: readonly string[],
  widths: readonly number[],
  rows: readonly (readonly string[])[],
  shades: readonly (string | undefined)[] = [],
): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths.map((w) => Math.round((w / 100) * TEXT_WIDTH)),
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        children: headers.map((h, i) =>
          cell(h, { bold: true, width: widths[i] ?? 10, align: AlignmentType.CENTER, shade: 'DDE6F0' }),
        ),
      }),
      ...rows.map(
        (r, ri) =>
          new TableRow({
            children: r.map((v, i) =>
              cell(v, {
                width: widths[i] ?? 10,
                align: i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
                ...(i === r.length - 1 && shades[ri] ? { shade: shades[ri] } : {}),
              }),
            ),
          }),
      ),
    ],
  });
}

const SHADE = { red: 'F4C7C3', orange: 'FCE8B2', green: 'B7E1CD', grey: 'E0E0E0' } as const;

function date(iso: string | null): string {
  return iso ? iso.split('-').reverse().join('/') : '';
}

/** The period's compiled report (BÁO CÁO) in the administrative layout of Nghị định 30/2020/NĐ-CP. */
export async function buildReportDocx(
  store: Store,
  periodKey: string,
  today: string,
  heading: ReportHeading = DEFAULT_HEADING,
): Promise<Buffer> {
  const period = periodOrThrow(periodKey);
  const data = await compilation(store, period.key, today);
  const tasks = await periodTasks(store, period, today);
  const counts = new Map<string, number>();
  for (const t of tasks) counts.set(t.status.status, (counts.get(t.status.status) ?? 0) + 1);
  const pTitle = periodTitle(period.key);
  const year = period.key.slice(0, 4);

  const headerTable = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 40, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: [
              line(heading.parent.toUpperCase(), { size: 13 }),
              line(heading.issuer.toUpperCase(), { size: 13, bold: true }),
              line('―――――', { size: 13 }),
              line(`Số:       /BC-${heading.symbol}`, { size: 13 }),
            ],
          }),
          new TableCell({
            width: { size: 60, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: [
              line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true }),
              line('Độc lập - Tự do - Hạnh phúc', { size: 13, bold: true, underline: true }),
              line(''),
              line(placeDate(heading.place, today), { size: 14, italics: true }),
            ],
          }),
        ],
      }),
    ],
  });

  const children: (Paragraph | Table)[] = [
    headerTable,
    line('', {}, { spacing: { after: 240 } }),
    line('BÁO CÁO', { size: 14, bold: true }),
    line(`Kết quả thực hiện chỉ tiêu, nhiệm vụ ${pTitle}`, { size: 14, bold: true }),
    line('―――――――', { size: 14 }, { spacing: { after: 240 } }),
    body(
      `Thực hiện chế độ báo cáo định kỳ, trên cơ sở báo cáo của ${data.reports} đơn vị, ${heading.issuer.toLowerCase()} tổng hợp kết quả thực hiện chỉ tiêu, nhiệm vụ ${pTitle} như sau:`,
    ),
    body('I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', { bold: true }),
  ];
  if (data.targets.length > 0) {
    const byColour = (c: string) => data.targets.filter((t) => t.colour === c).length;
    children.push(
      body(
        `Trong ${data.targets.length} chỉ tiêu theo dõi: ${byColour('green')} chỉ tiêu đạt hoặc đúng tiến độ; ${byColour('orange')} chỉ tiêu cần chú ý; ${byColour('red')} chỉ tiêu có nguy cơ không đạt; ${byColour('grey')} chỉ tiêu chưa đủ số liệu để đánh giá.`,
      ),
      table(
        ['TT', 'Chỉ tiêu', 'Kế hoạch', 'Thực hiện', '% KH', 'Đánh giá'],
        [6, 36, 16, 18, 9, 15],
        data.targets.map((t, i) => [
          String(i + 1),
          t.indicator,
          planText(t.plan.op, t.plan.raw, t.plan.unit),
          t.latest ? `${t.latest.raw} ${t.latest.unit} (${t.latest.period})` : '—',
          t.percentOfPlan === null ? '—' : formatNumber(t.percentOfPlan, 'vi', 1),
          COLOUR_VI[t.colour].split(' — ')[1] ?? '',
        ]),
        data.targets.map((t) => SHADE[t.colour]),
      ),
    );
  } else {
    children.push(body('Chưa có chỉ tiêu nào của kỳ được theo dõi.'));
  }
  children.push(
    body('II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ', { bold: true }),
    body('1. Kết quả chung', { bold: true }),
    body(
      `Tổng số ${tasks.length} nhiệm vụ trong kỳ: ${counts.get('completed_on_time') ?? 0} nhiệm vụ ${STATUS_VI.completed_on_time.toLowerCase()}; ${counts.get('completed_late') ?? 0} nhiệm vụ ${STATUS_VI.completed_late.toLowerCase()}; ${counts.get('in_progress') ?? 0} nhiệm vụ ${STATUS_VI.in_progress.toLowerCase()}; ${counts.get('overdue') ?? 0} nhiệm vụ ${STATUS_VI.overdue.toLowerCase()}.`,
    ),
    body('2. Các nhiệm vụ quá hạn', { bold: true }),
  );
  if (data.overdue.length > 0) {
    const units = new Map(
      (await store.db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]),
    );
    children.push(
      table(
        ['TT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Số ngày trễ'],
        [6, 48, 20, 14, 12],
        data.overdue.map((t, i) => [
          String(i + 1),
          t.text.length > 300 ? `${t.text.slice(0, 299)}…` : t.text,
          t.leadUnitId ? (units.get(t.leadUnitId) ?? '') : '',
          date(t.deadline),
          String(t.daysLate),
        ]),
      ),
    );
  } else {
    children.push(body('Không có nhiệm vụ quá hạn.'));
  }
  const notes = (kind: 'difficulty' | 'recommendation') => {
    const items = data.notes.filter((n) => n.kind === kind);
    if (items.length === 0) return [body('Không có.')];
    const byUnit = new Map<string, string[]>();
    for (const n of items) byUnit.set(n.unitName, [...(byUnit.get(n.unitName) ?? []), n.text]);
    const letters = 'abcdefghiklmnopqrstuvxy';
    return [...byUnit.entries()].flatMap(([unit, texts], i) => [
      body(`${letters[i % letters.length]}) ${unit}`, { italics: true }),
      ...texts.map((t) => body(`- ${t}`)),
    ]);
  };
  children.push(
    body('III. KHÓ KHĂN, VƯỚNG MẮC', { bold: true }),
    ...notes('difficulty'),
    body('IV. KIẾN NGHỊ, ĐỀ XUẤT', { bold: true }),
    ...notes('recommendation'),
  );
  children.push(
    body(
      `Trên đây là báo cáo kết quả thực hiện chỉ tiêu, nhiệm vụ ${pTitle} (số liệu đến ngày ${date(today)}, kế hoạch năm ${year}).`,
    ),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          children: [
            new TableCell({
              width: { size: 50, type: WidthType.PERCENTAGE },
              borders: NO_BORDERS,
              children: [
                new Paragraph({
                  children: [
                    new TextRun({ text: 'Nơi nhận:', font: FONT, size: pt(12), bold: true, italics: true }),
                  ],
                }),
                ...[...heading.recipients, `Lưu: VT, ${heading.symbol}.`].map(
                  (r) =>
                    new Paragraph({ children: [new TextRun({ text: `- ${r}`, font: FONT, size: pt(11) })] }),
                ),
              ],
            }),
            new TableCell({
              width: { size: 50, type: WidthType.PERCENTAGE },
              borders: NO_BORDERS,
              children: [
                ...(heading.authority ? [line(heading.authority, { size: 14, bold: true })] : []),
                line(heading.position, { size: 14, bold: true }),
                line(
                  '(Ký, ghi rõ họ tên, đóng dấu)',
                  { size: 14, italics: true },
                  { spacing: { after: 1200 } },
                ),
                line(heading.signer || '', { size: 14, bold: true }),
              ],
            }),
          ],
        }),
      ],
    }),
  );

  const document = new Document({
    creator: 'Rõ',
    title: `Báo cáo ${pTitle}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: mm(20),
              bottom: mm(20),
              left: mm(30),
              right: mm(15),
              header: mm(10),
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
