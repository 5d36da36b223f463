import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrate } from '../../src/store/db.js';
import { describeStores } from '../support/stores.js';

describeStores('the database schema', (fresh) => {
  it('is created by the migrations and migrating again changes nothing', async () => {
    const store = await fresh();
    expect(await migrate(store)).toEqual([]);
    const units = await store.db.selectFrom('units').selectAll().execute();
    expect(units).toEqual([]);
  });

  it('refuses to change or delete audit log entries', async () => {
    const store = await fresh();
    await store.db
      .insertInto('audit_log')
      .values({
        at: '2026-01-01T00:00:00Z',
        user_id: null,
        entity: 'task',
        entity_id: 1,
        action: 'update',
        before: '{}',
        after: '{}',
      })
      .execute();
    await expect(store.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(store.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('enforces foreign keys', async () => {
    const store = await fresh();
    await expect(
      store.db
        .insertInto('users')
        .values({ username: 'x', password_hash: 'h', role: 'member', unit_id: 999, created_at: 'now' })
        .execute(),
    ).rejects.toThrow();
  });

  it('stores Vietnamese text exactly', async () => {
    const store = await fresh();
    const name = 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hưng Yên';
    await store.db
      .insertInto('units')
      .values({ name, name_folded: 'x', aliases: '[]', kind: 'province', parent_id: null, created_at: 'now' })
      .execute();
    const row = await store.db.selectFrom('units').select('name').executeTakeFirstOrThrow();
    expect(row.name).toBe(name);
    const n = await sql<{ n: number }>`select count(*) as n from units`.execute(store.db);
    expect(Number(n.rows[0]?.n)).toBe(1);
  });
});
