import type { Transaction } from 'kysely';
import { fold, foldName } from '../domain/fold.js';
import type { Store } from '../store/db.js';
import type { Database } from '../store/schema.js';
import { audit } from './audit.js';
import { AppError } from './errors.js';

export const UNIT_KINDS = [
  'province',
  'party',
  'council',
  'department',
  'agency',
  'district',
  'commune',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface Unit {
  readonly id: number;
  readonly name: string;
  readonly kind: string;
  readonly parentId: number | null;
  readonly aliases: readonly string[];
}

export interface NewUnit {
  readonly name: string;
  readonly kind: UnitKind;
  readonly parentId?: number | null;
  readonly aliases?: readonly string[];
  /** Address reminders are emailed to. */
  readonly email?: string | null;
}

async function insertUnit(
  trx: Transaction<Database>,
  unit: NewUnit,
  actorId: number | null,
  now: string,
): Promise<Unit> {
  const name = unit.name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!name || name.length > 200)
    throw new AppError('invalid', 'Tên đơn vị cần 1–200 ký tự. (Unit name: 1–200 characters.)', {
      field: 'name',
    });
  const folded = foldName(name);
  const clash = await trx
    .selectFrom('units')
    .select(['id', 'name'])
    .where('name_folded', '=', folded)
    .executeTakeFirst();
  if (clash) {
    throw new AppError('conflict', `Đơn vị "${clash.name}" (#${clash.id}) đã có. (The unit exists.)`, {
      existingId: clash.id,
    });
  }
  const aliases = [...new Set((unit.aliases ?? []).map((a) => a.normalize('NFC').trim()).filter(Boolean))];
  const row = await trx
    .insertInto('units')
    .values({
      name,
      name_folded: folded,
      aliases: JSON.stringify(aliases),
      kind: unit.kind,
      parent_id: unit.parentId ?? null,
      created_at: now,
      email: unit.email ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const created: Unit = { id: row.id, name, kind: unit.kind, parentId: unit.parentId ?? null, aliases };
  await audit(trx, {
    userId: actorId,
    entity: 'unit',
    entityId: row.id,
    action: 'create',
    after: created,
    at: now,
  });
  return created;
}

export async function createUnit(
  store: Store,
  unit: NewUnit,
  actorId: number | null,
  now: string,
): Promise<Unit> {
  return store.db.transaction().execute((trx) => insertUnit(trx, unit, actorId, now));
}

/** Changes a unit's reminder address or aliases. */
export async function updateUnit(
  store: Store,
  actorId: number,
  id: number,
  patch: { email?: string | null | undefined; aliases?: readonly string[] | undefined },
  now: string,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
    if (!unit) throw new AppError('not-found', `Không có đơn vị #${id}. (No unit #${id}.)`);
    const changes: { email?: string | null; aliases?: string } = {};
    if (patch.email !== undefined) changes.email = patch.email;
    if (patch.aliases !== undefined)
      changes.aliases = JSON.stringify([...new Set(patch.aliases.map((a) => a.trim()).filter(Boolean))]);
    if (Object.keys(changes).length === 0)
      throw new AppError('invalid', 'Không có gì để cập nhật. (Nothing to change.)');
    await trx.updateTable('units').set(changes).where('id', '=', id).execute();
    await audit(trx, {
      userId: actorId,
      entity: 'unit',
      entityId: id,
      action: 'update',
      before: { email: unit.email, aliases: unit.aliases },
      after: changes,
      at: now,
    });
  });
}

export async function listUnits(store: Store, q?: string): Promise<Unit[]> {
  let query = store.db.selectFrom('units').selectAll().orderBy('id');
  if (q) query = query.where('name_folded', 'like', `%${foldName(q).replace(/[%_\\]/g, '')}%`);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    aliases: JSON.parse(r.aliases) as string[],
  }));
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Throws on an unclosed quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const input = text.replace(/^\ufeff/, '');
  while (i < input.length) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (c === '\r' && input[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (quoted)
    throw new AppError('invalid', 'Tệp CSV có dấu ngoặc kép chưa đóng. (Unclosed quote in the CSV.)');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const MAX_CSV_ROWS = 10_000;

/**
 * Imports units from CSV with a header `name,kind,parent,aliases` (parent by name, aliases
 * separated by "|"). Parents may come later in the file. All rows or none.
 */
export async function importUnitsCsv(
  store: Store,
  csv: string,
  actorId: number | null,
  now: string,
): Promise<Unit[]> {
  const rows = parseCsv(csv);
  const header = rows.shift()?.map((h) => fold(h));
  if (!header || header[0] !== 'name' || header[1] !== 'kind') {
    throw new AppError(
      'invalid',
      'Dòng đầu của CSV phải là: name,kind,parent,aliases. (The header must be name,kind,parent,aliases.)',
      {
        line: 1,
      },
    );
  }
  if (rows.length > MAX_CSV_ROWS)
    throw new AppError('invalid', `CSV có quá ${MAX_CSV_ROWS} dòng. (Too many rows.)`);
  const problems: string[] = [];
  const parsed = rows.map((r, index) => {
    const line = index + 2;
    const [name = '', kind = '', parent = '', aliases = ''] = r.map((f) => f.trim());
    if (!name) problems.push(`dòng ${line}: thiếu tên (line ${line}: no name)`);
    if (!(UNIT_KINDS as readonly string[]).includes(kind)) {
      problems.push(
        `dòng ${line}: loại "${kind}" không hợp lệ, dùng ${UNIT_KINDS.join('/')} (line ${line}: bad kind)`,
      );
    }
    return {
      line,
      name,
      kind: kind as UnitKind,
      parent,
      aliases: aliases
        .split('|')
        .map((a) => a.trim())
        .filter(Boolean),
    };
  });
  if (problems.length > 0) throw new AppError('invalid', problems.slice(0, 20).join('; '), { problems });
  return store.db.transaction().execute(async (trx) => {
    const created: Unit[] = [];
    const byName = new Map<string, number>();
    for (const u of await trx.selectFrom('units').select(['id', 'name_folded']).execute())
      byName.set(u.name_folded, u.id);
    const pending = [...parsed];
    while (pending.length > 0) {
      const before = pending.length;
      for (let i = 0; i < pending.length; i++) {
        const u = pending[i];
        if (!u) continue;
        const parentId = u.parent ? byName.get(foldName(u.parent)) : null;
        if (parentId === undefined) continue;
        const unit = await insertUnit(
          trx,
          { name: u.name, kind: u.kind, parentId, aliases: u.aliases },
          actorId,
          now,
        ).catch((e: unknown) => {
          if (e instanceof AppError)
            throw new AppError(e.code, `dòng ${u.line}: ${e.message}`, { line: u.line });
          throw e;
        });
        byName.set(foldName(unit.name), unit.id);
        created.push(unit);
        pending.splice(i, 1);
        i--;
      }
      if (pending.length === before) {
        const u = pending[0];
        throw new AppError(
          'invalid',
          `dòng ${u?.line}: không tìm thấy đơn vị cấp trên "${u?.parent}". (line ${u?.line}: unknown parent.)`,
          {
            line: u?.line,
          },
        );
      }
    }
    return created;
  });
}
