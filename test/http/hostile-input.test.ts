import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import type { Store } from '../../src/store/db.js';
import { demoServer, logIn, multipart } from '../support/http.js';
import { describeStores } from '../support/stores.js';

let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function snapshot(store: Store) {
  const count = async (table: 'directives' | 'tasks' | 'quantities' | 'units') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const tasks = await store.db
    .selectFrom('tasks')
    .select(['id', 'version', 'progress', 'note'])
    .orderBy('id')
    .execute();
  return {
    directives: await count('directives'),
    quantities: await count('quantities'),
    units: await count('units'),
    tasks,
  };
}

function expectErrorShape(body: unknown, code?: string) {
  expect(body).toMatchObject({
    error: { code: expect.any(String), message: expect.any(String), details: expect.anything() },
  });
  if (code) expect((body as { error: { code: string } }).error.code).toBe(code);
}

describeStores('the HTTP API under broken and hostile input', (fresh) => {
  it('answers malformed JSON, wrong types and unknown fields with a clear 400, changing nothing', async () => {
    const store = await fresh();
    app = await demoServer(store);
    const office = await logIn(app, 'vanphong');
    const task = (await office.request('GET', '/api/tasks?limit=1')).json().items[0];
    const before = await snapshot(store);
    const malformed = await office.request('PATCH', `/api/tasks/${task.id}`, '{"progress": 5', {
      'content-type': 'application/json',
    });
    expect(malformed.statusCode).toBe(400);
    expectErrorShape(malformed.json());
    for (const body of [
      { progress: 'half' },
      { progress: 101 },
      { progress: -1 },
      { status: 'done' },
      { completedAt: '2025-02-30' },
      { deadline: '31/12/2025' },
      { bogus: 1 },
      {},
    ]) {
      const res = await office.request('PATCH', `/api/tasks/${task.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expectErrorShape(res.json(), 'invalid');
    }
    expect(await snapshot(store)).toEqual(before);
  });

  it('says 404 for unknown ids and paths, and 400 for ids that are not numbers', async () => {
    app = await demoServer(await fresh());
    const office = await logIn(app, 'vanphong');
    for (const url of [
      '/api/tasks/999999',
      '/api/directives/999999',
      '/api/indicators/999999/series',
      '/api/nothing-here',
    ]) {
      const res = await office.request('GET', url);
      expect(res.statusCode, url).toBe(404);
      expectErrorShape(res.json(), 'not-found');
    }
    for (const url of [
      '/api/tasks/abc',
      '/api/tasks/-1',
      '/api/tasks/1e99',
      '/api/tasks?limit=100000',
      '/api/tasks?status=late',
      '/api/tasks?period=2024-Q9',
    ]) {
      const res = await office.request('GET', url);
      expect(res.statusCode, url).toBe(400);
      expectErrorShape(res.json(), 'invalid');
    }
  });

  it('refuses a 100 MB upload with 413 and keeps what was saved', async () => {
    const store = await fresh();
    app = await demoServer(store);
    const office = await logIn(app, 'vanphong');
    const before = await snapshot(store);
    const { payload, headers } = multipart('huge.txt', Buffer.alloc(100 * 1024 * 1024, 'a'));
    const res = await office.request('POST', '/api/directives', payload, headers);
    expect(res.statusCode).toBe(413);
    expectErrorShape(res.json(), 'too-large');
    expect(await snapshot(store)).toEqual(before);
  }, 60_000);

  it('refuses files that are not documents with 422 and a reason', async () => {
    const store = await fresh();
    app = await demoServer(store);
    const office = await logIn(app, 'vanphong');
    const before = await snapshot(store);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const cases: [string, Buffer][] = [
      ['photo.png', png],
      ['scan.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0)])],
      ['report.docx', Buffer.from('PK\u0003\u0004 not a zip')],
      ['noise.txt', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))],
    ];
    for (const [name, bytes] of cases) {
      const { payload, headers } = multipart(name, bytes);
      const res = await office.request('POST', '/api/directives', payload, headers);
      expect(res.statusCode, name).toBe(422);
      expectErrorShape(res.json(), 'unreadable-file');
      expect(res.json().error.message).toContain(name);
    }
    const notMultipart = await office.request('POST', '/api/directives', { file: 'x' });
    expect(notMultipart.statusCode).toBe(400);
    expect(await snapshot(store)).toEqual(before);
  });

  it('treats SQL- and HTML-looking text as plain text', async () => {
    const store = await fresh();
    app = await demoServer(store);
    const office = await logIn(app, 'vanphong');
    const search = await office.request(
      'GET',
      `/api/tasks?q=${encodeURIComponent("'; DROP TABLE tasks; --")}`,
    );
    expect(search.statusCode).toBe(200);
    expect(search.json().total).toBe(0);
    const like = await office.request('GET', `/api/tasks?q=${encodeURIComponent('%_%')}`);
    expect(like.statusCode).toBe(200);
    const task = (await office.request('GET', '/api/tasks?limit=1')).json().items[0];
    const note = `<script>alert("x")</script> ' OR 1=1; --`;
    const res = await office.request('PATCH', `/api/tasks/${task.id}`, { note });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect((await office.request('GET', `/api/tasks/${task.id}`)).json().note).toBe(note);
    expect((await snapshot(store)).tasks.length).toBeGreaterThan(0);
    const unit = await office.request('POST', '/api/units', {
      name: `Sở "Thử"; DELETE FROM units; <b>`,
      kind: 'department',
    });
    expect(unit.statusCode).toBe(201);
  });

  it('refuses requests without a session with 401 and a bad CSV with the line at fault', async () => {
    const store = await fresh();
    app = await demoServer(store);
    const anonymous = await app.inject({ url: '/api/tasks' });
    expect(anonymous.statusCode).toBe(401);
    expectErrorShape(anonymous.json(), 'unauthenticated');
    const office = await logIn(app, 'vanphong');
    const before = await snapshot(store);
    const csv = 'name,kind,parent,aliases\nXã Mới,commune,Ủy ban nhân dân tỉnh,\nPhường Lạ,planet,,\n';
    const res = await office.request('POST', '/api/units/import', { csv });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/dòng 3/);
    const unclosed = await office.request('POST', '/api/units/import', { csv: 'name,kind\n"Xã,commune\n' });
    expect(unclosed.statusCode).toBe(400);
    expect(await snapshot(store)).toEqual(before);
    const good = await office.request('POST', '/api/units/import', {
      csv: 'name,kind,parent,aliases\n"Xã Mới, huyện A",commune,Ủy ban nhân dân tỉnh,XM|Xa Moi\n',
    });
    expect(good.statusCode).toBe(201);
    expect(good.json().items[0]).toMatchObject({ name: 'Xã Mới, huyện A', aliases: ['XM', 'Xa Moi'] });
  });
});
