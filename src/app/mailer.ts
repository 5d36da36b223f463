import nodemailer from 'nodemailer';
import type { Store } from '../store/db.js';

export interface MailSettings {
  /** smtp://user:pass@host:port or smtps://… */
  readonly url: string;
  readonly from: string;
}

/** SMTP settings from the environment: RO_SMTP_URL and RO_MAIL_FROM; null when not configured. */
export function mailSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): MailSettings | null {
  const url = env['RO_SMTP_URL'];
  if (!url) return null;
  if (!/^smtps?:\/\//.test(url)) throw new Error('RO_SMTP_URL must start with smtp:// or smtps://');
  return { url, from: env['RO_MAIL_FROM'] || 'Rõ <no-reply@localhost>' };
}

/**
 * Emails each unit that has an address the day's notifications not yet emailed, one message
 * per unit, and marks them emailed — so a second run sends nothing new.
 */
export async function emailNotifications(
  store: Store,
  settings: MailSettings,
  day: string,
  now: string,
): Promise<{ sent: number; failed: string[] }> {
  const pending = await store.db
    .selectFrom('notifications')
    .innerJoin('units', 'units.id', 'notifications.unit_id')
    .select([
      'notifications.id',
      'notifications.unit_id',
      'notifications.message',
      'units.name',
      'units.email',
    ])
    .where('notifications.day', '=', day)
    .where('notifications.emailed_at', 'is', null)
    .where('units.email', 'is not', null)
    .orderBy('notifications.id')
    .execute();
  const byUnit = new Map<number, typeof pending>();
  for (const n of pending) byUnit.set(n.unit_id, [...(byUnit.get(n.unit_id) ?? []), n]);
  const transport = nodemailer.createTransport(settings.url);
  let sent = 0;
  const failed: string[] = [];
  try {
    for (const [, items] of byUnit) {
      const first = items[0]!;
      try {
        await transport.sendMail({
          from: settings.from,
          to: first.email as string,
          subject: `[Rõ] Đôn đốc ngày ${day.split('-').reverse().join('/')}: ${items.length} việc cần chú ý`,
          text: [
            `Kính gửi ${first.name},`,
            '',
            ...items.map((n) => `- ${n.message}`),
            '',
            'Thư gửi tự động từ Rõ.',
          ].join('\n'),
        });
        await store.db
          .updateTable('notifications')
          .set({ emailed_at: now })
          .where(
            'id',
            'in',
            items.map((n) => n.id),
          )
          .execute();
        sent++;
      } catch (error) {
        failed.push(`${first.name}: ${(error as Error).message}`);
      }
    }
  } finally {
    transport.close();
  }
  return { sent, failed };
}
