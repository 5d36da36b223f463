import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo.js';
import { remind } from '../../src/app/followup.js';
import { migrate, openStore, type Store } from '../../src/store/db.js';
import { NOW, sampleFiles } from '../support/http.js';

/** A local SMTP sink on 127.0.0.1 that keeps what it receives. */
const received: { to: string[]; body: string }[] = [];
let sink: SMTPServer;
let port = 0;
let store: Store;
let dir: string;

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  port = (sink.server.address() as AddressInfo).port;
  dir = mkdtempSync(join(tmpdir(), 'ro-mail-'));
  store = openStore({ file: join(dir, 'ro.db') });
  await migrate(store);
  await loadDemo(store, sampleFiles(), NOW.toISOString());
}, 60_000);
afterAll(async () => {
  await store.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('reminders by email', () => {
  it('mails each unit with an address its new reminders once, and nothing on a second run the same day', async () => {
    const mail = { url: `smtp://127.0.0.1:${port}`, from: 'Rõ <ro@example.org>' };
    const first = await remind(store, { today: '2026-06-25', dueSoonDays: 7, dryRun: false, mail });
    expect(first.emailed).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['sotaichinh@example.org']);
    expect(received[0]!.body).toMatch(/Subject: =\?UTF-8\?/);
    const second = await remind(store, { today: '2026-06-25', dueSoonDays: 7, dryRun: false, mail });
    expect(second).toMatchObject({ written: 0, emailed: 0 });
    expect(received).toHaveLength(1);
  });

  it('reports an unreachable mail server without losing the notifications', async () => {
    const result = await remind(store, {
      today: '2026-06-26',
      dueSoonDays: 7,
      dryRun: false,
      mail: { url: 'smtp://127.0.0.1:1', from: 'x@example.org' },
    });
    expect(result.written).toBeGreaterThan(0);
    expect(result.emailFailures[0]).toMatch(/Sở Tài chính/);
    const pending = await store.db
      .selectFrom('notifications')
      .select('id')
      .where('day', '=', '2026-06-26')
      .where('emailed_at', 'is', null)
      .execute();
    expect(pending.length).toBe(result.written);
  });
});
