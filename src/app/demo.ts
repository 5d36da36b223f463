import { fold } from '../domain/fold.js';
import { suggestUnits } from '../domain/match-unit.js';
import type { Store } from '../store/db.js';
import { createUser } from './auth.js';
import { AppError } from './errors.js';
import { confirmDirective, importDirective } from './import-directive.js';
import { createRegime } from './reports.js';
import { createUnit, listUnits, type UnitKind } from './units.js';

/** Bodies named in the sample directives, and a few communes, as a province would set them up. */
const DEMO_UNITS: readonly {
  name: string;
  kind: UnitKind;
  parent?: string;
  aliases?: string[];
  email?: string;
}[] = [
  { name: 'Tỉnh ủy Hưng Yên', kind: 'party' },
  { name: 'Ban Thường vụ Tỉnh ủy', kind: 'party', parent: 'Tỉnh ủy Hưng Yên' },
  { name: 'Văn phòng Tỉnh ủy', kind: 'party', parent: 'Tỉnh ủy Hưng Yên' },
  { name: 'Ban Tổ chức Tỉnh ủy', kind: 'party', parent: 'Tỉnh ủy Hưng Yên' },
  { name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', kind: 'party', parent: 'Tỉnh ủy Hưng Yên' },
  { name: 'Ban Nội chính Tỉnh ủy', kind: 'party', parent: 'Tỉnh ủy Hưng Yên' },
  { name: 'Ủy ban Kiểm tra Tỉnh ủy', kind: 'party', parent: 'Tỉnh ủy Hưng Yên' },
  { name: 'Đảng ủy các cơ quan Đảng tỉnh', kind: 'party', parent: 'Tỉnh ủy Hưng Yên' },
  { name: 'Đảng ủy Ủy ban nhân dân tỉnh', kind: 'party', parent: 'Tỉnh ủy Hưng Yên' },
  { name: 'Ban cán sự đảng Ủy ban nhân dân tỉnh', kind: 'party', parent: 'Tỉnh ủy Hưng Yên' },
  { name: 'Hội đồng nhân dân tỉnh', kind: 'council' },
  { name: 'Đảng đoàn Hội đồng nhân dân tỉnh', kind: 'party', parent: 'Hội đồng nhân dân tỉnh' },
  { name: 'Ủy ban nhân dân tỉnh', kind: 'province' },
  { name: 'Văn phòng Ủy ban nhân dân tỉnh', kind: 'agency', parent: 'Ủy ban nhân dân tỉnh' },
  {
    name: 'Sở Tài chính',
    kind: 'department',
    parent: 'Ủy ban nhân dân tỉnh',
    aliases: ['STC'],
    email: 'sotaichinh@example.org',
  },
  { name: 'Sở Kế hoạch và Đầu tư', kind: 'department', parent: 'Ủy ban nhân dân tỉnh' },
  { name: 'Sở Nội vụ', kind: 'department', parent: 'Ủy ban nhân dân tỉnh' },
  { name: 'Sở Xây dựng', kind: 'department', parent: 'Ủy ban nhân dân tỉnh' },
  { name: 'Sở Công Thương', kind: 'department', parent: 'Ủy ban nhân dân tỉnh' },
  { name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', kind: 'agency' },
  {
    name: 'Thành ủy Hưng Yên',
    kind: 'party',
    parent: 'Tỉnh ủy Hưng Yên',
    aliases: ['Ban Thường vụ Thành ủy Hưng Yên'],
  },
  { name: 'Xã Bảo Khê', kind: 'commune', parent: 'Ủy ban nhân dân tỉnh' },
  { name: 'Xã Liên Phương', kind: 'commune', parent: 'Ủy ban nhân dân tỉnh' },
  { name: 'Xã Trung Nghĩa', kind: 'commune', parent: 'Ủy ban nhân dân tỉnh' },
  { name: 'Xã Quảng Châu', kind: 'commune', parent: 'Ủy ban nhân dân tỉnh' },
  { name: 'Xã Phú Cường', kind: 'commune', parent: 'Ủy ban nhân dân tỉnh' },
];

/** Demo logins, documented in the README. */
export const DEMO_USERS = [
  { username: 'admin', password: 'admin-demo', role: 'admin', unit: null },
  { username: 'vanphong', password: 'vanphong-demo', role: 'office', unit: 'Văn phòng Tỉnh ủy' },
  { username: 'sotaichinh', password: 'sotaichinh-demo', role: 'member', unit: 'Sở Tài chính' },
  { username: 'lanhdao', password: 'lanhdao-demo', role: 'viewer', unit: null },
] as const;

/** Budget and finance work the demo reviewer hands to Sở Tài chính, as an office would on review. */
const FINANCE_WORDS = ['ngan sach', 'thu chi', 'tai chinh', 'giai ngan', 'von dau tu cong'];

export interface DemoFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/**
 * Loads the demo into an empty database: units, users, the sample directives imported,
 * reviewed (leads mapped where the suggestion is sure, finance tasks given to Sở Tài chính)
 * and confirmed. Refuses a database that already has data.
 */
export async function loadDemo(
  store: Store,
  files: readonly DemoFile[],
  now: string,
): Promise<{ units: number; directives: number; users: number }> {
  const existing = await store.db.selectFrom('units').select('id').limit(1).execute();
  const directives = await store.db.selectFrom('directives').select('id').limit(1).execute();
  if (existing.length > 0 || directives.length > 0) {
    throw new AppError(
      'conflict',
      'Cơ sở dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống. (The demo loads only into an empty database.)',
    );
  }
  const ids = new Map<string, number>();
  for (const u of DEMO_UNITS) {
    const unit = await createUnit(
      store,
      {
        name: u.name,
        kind: u.kind,
        parentId: u.parent ? (ids.get(u.parent) ?? null) : null,
        aliases: u.aliases ?? [],
        email: u.email ?? null,
      },
      null,
      now,
    );
    ids.set(u.name, unit.id);
  }
  for (const u of DEMO_USERS) {
    await createUser(
      store,
      {
        username: u.username,
        password: u.password,
        role: u.role,
        unitId: u.unit ? (ids.get(u.unit) ?? null) : null,
      },
      null,
      now,
    );
  }
  const units = await listUnits(store);
  const finance = ids.get('Sở Tài chính') ?? null;
  for (const file of files) {
    const summary = await importDirective(store, {
      fileName: file.fileName,
      bytes: file.bytes,
      userId: null,
      now,
    });
    const tasks = await store.db
      .selectFrom('tasks')
      .select(['id', 'lead_text', 'lead_unit_id', 'text'])
      .where('directive_id', '=', summary.directiveId)
      .execute();
    for (const task of tasks) {
      let lead = task.lead_unit_id;
      if (lead === null && task.lead_text) lead = suggestUnits(task.lead_text, units, 1)[0]?.unitId ?? null;
      const text = fold(task.text);
      if (finance !== null && FINANCE_WORDS.some((w) => text.includes(w))) lead = finance;
      if (lead !== task.lead_unit_id)
        await store.db.updateTable('tasks').set({ lead_unit_id: lead }).where('id', '=', task.id).execute();
    }
    await confirmDirective(store, summary.directiveId, null, now);
  }
  // The quarterly report the directives ask for ("định kỳ hằng quý báo cáo kết quả thực hiện"),
  // owed by every unit that leads a task, received by the office.
  const leads = await store.db
    .selectFrom('tasks')
    .select('lead_unit_id')
    .distinct()
    .where('lead_unit_id', 'is not', null)
    .execute();
  const admin = await store.db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'unit_id'])
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  await createRegime(
    store,
    { id: admin.id, username: admin.username, role: admin.role, unitId: admin.unit_id },
    {
      name: 'Báo cáo kết quả thực hiện nhiệm vụ hằng quý',
      content: { tasks: 'led', indicatorIds: [] },
      frequency: 'quarter',
      receiverUnitId: ids.get('Văn phòng Tỉnh ủy') ?? null,
      unitIds: [
        ...new Set([...leads.map((l) => l.lead_unit_id as number), ...(finance !== null ? [finance] : [])]),
      ],
      cutoffDaysBeforeEnd: 0,
      submitDaysAfterEnd: 5,
      startsOn: '2026-04-01',
      template:
        'I. Kết quả thực hiện nhiệm vụ\nII. Chỉ tiêu\nIII. Khó khăn, vướng mắc\nIV. Kiến nghị, đề xuất',
    },
    now,
  );
  return { units: DEMO_UNITS.length, directives: files.length, users: DEMO_USERS.length };
}
