import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Store } from '../store/db.js';
import type { Role } from '../store/schema.js';
import { audit } from './audit.js';
import { AppError } from './errors.js';

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** scrypt parameters (N=2^15, r=8, p=1: OWASP's recommendation), stored with each hash. */
const N = 32768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, {
    N,
    r: R,
    p: P,
    maxmem: MAX_MEMORY,
  });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEMORY,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface User {
  readonly id: number;
  readonly username: string;
  readonly role: Role;
  readonly unitId: number | null;
}

export const ROLES: readonly Role[] = ['admin', 'office', 'member', 'viewer'];

export interface NewUser {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly unitId: number | null;
}

export async function createUser(
  store: Store,
  input: NewUser,
  actorId: number | null,
  now: string,
): Promise<User> {
  if (!/^[a-z0-9._-]{3,40}$/.test(input.username)) {
    throw new AppError(
      'invalid',
      'Tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm, gạch. (Username: 3–40 of a-z 0-9 . _ -)',
      {
        field: 'username',
      },
    );
  }
  if (input.password.length < 8 || input.password.length > 200) {
    throw new AppError('invalid', 'Mật khẩu cần 8–200 ký tự. (Password: 8–200 characters.)', {
      field: 'password',
    });
  }
  if (input.role === 'member' && input.unitId === null) {
    throw new AppError('invalid', 'Thành viên đơn vị phải thuộc một đơn vị. (A unit member needs a unit.)', {
      field: 'unitId',
    });
  }
  const passwordHash = await hashPassword(input.password);
  return store.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (taken)
      throw new AppError('conflict', `Tên đăng nhập "${input.username}" đã có. (Username taken.)`, {
        field: 'username',
      });
    if (input.unitId !== null) {
      const unit = await trx
        .selectFrom('units')
        .select('id')
        .where('id', '=', input.unitId)
        .executeTakeFirst();
      if (!unit)
        throw new AppError('invalid', `Không có đơn vị #${input.unitId}. (No such unit.)`, {
          field: 'unitId',
        });
    }
    const row = await trx
      .insertInto('users')
      .values({
        username: input.username,
        password_hash: passwordHash,
        role: input.role,
        unit_id: input.unitId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user: User = { id: row.id, username: input.username, role: input.role, unitId: input.unitId };
    await audit(trx, {
      userId: actorId,
      entity: 'user',
      entityId: row.id,
      action: 'create',
      after: user,
      at: now,
    });
    return user;
  });
}

export interface Session {
  readonly id: string;
  readonly csrfToken: string;
  readonly user: User;
}

const SESSION_HOURS = 12;

/** Checks the password and opens a server-side session; null on a bad username or password. */
export async function login(
  store: Store,
  username: string,
  password: string,
  now: Date,
): Promise<Session | null> {
  const row = await store.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  // Hash even for unknown users so timing does not tell which usernames exist.
  const ok = await verifyPassword(
    password,
    row?.password_hash ??
      'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  );
  if (!row || !ok) return null;
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await store.db
    .insertInto('sessions')
    .values({
      id,
      user_id: row.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
    })
    .execute();
  return { id, csrfToken, user: { id: row.id, username: row.username, role: row.role, unitId: row.unit_id } };
}

export async function sessionById(store: Store, id: string, now: Date): Promise<Session | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(id)) return null;
  const row = await store.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.csrf_token', 's.expires_at', 'u.id as user_id', 'u.username', 'u.role', 'u.unit_id'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    user: { id: row.user_id, username: row.username, role: row.role, unitId: row.unit_id },
  };
}

export async function logout(store: Store, id: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('id', '=', id).execute();
}

/**
 * Failed logins per key (address + username) within a window; past the limit, logins are
 * refused until the window passes. Kept in memory: one server process per database.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly limit = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Seconds to wait before trying again, or 0 when a try is allowed. */
  retryAfter(key: string, nowMs: number): number {
    const recent = (this.failures.get(key) ?? []).filter((t) => nowMs - t < this.windowMs);
    this.failures.set(key, recent);
    if (recent.length < this.limit) return 0;
    return Math.ceil((this.windowMs - (nowMs - (recent[0] ?? nowMs))) / 1000);
  }

  fail(key: string, nowMs: number): void {
    const list = this.failures.get(key) ?? [];
    list.push(nowMs);
    this.failures.set(key, list);
    if (this.failures.size > 100_000) this.failures.clear();
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
