import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadDemo } from '../../src/app/demo.js';
import { buildServer } from '../../src/http/server.js';
import type { Store } from '../../src/store/db.js';
import { ROOT } from './built.js';

/** The demo's "today": mid-2026, so the samples' 2025 deadlines are past and 2026 ones open. */
export const NOW = new Date('2026-06-10T08:00:00.000Z');

export function sampleFiles() {
  return readdirSync(join(ROOT, 'samples'))
    .sort()
    .map((fileName) => ({ fileName, bytes: readFileSync(join(ROOT, 'samples', fileName)) }));
}

export async function demoServer(
  store: Store,
  options: { maxUploadBytes?: number } = {},
): Promise<FastifyInstance> {
  await loadDemo(store, sampleFiles(), NOW.toISOString());
  return buildServer({ store, now: () => NOW, ...options });
}

export interface Client {
  readonly csrf: string;
  readonly cookie: string;
  request(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export async function logIn(
  app: FastifyInstance,
  username: string,
  password = `${username}-demo`,
): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ro_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const jar = `ro_session=${cookie.value}`;
  return {
    csrf,
    cookie: jar,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie: jar, 'x-csrf-token': csrf, ...headers },
        ...(body === undefined ? {} : { payload: body as string | object }),
      }),
  };
}

/** A multipart/form-data body with one file field. */
export function multipart(
  fileName: string,
  bytes: Uint8Array,
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----ro${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
