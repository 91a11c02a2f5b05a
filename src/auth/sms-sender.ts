import { logger } from '../common/logging/logger.js';
import type { AppConfig } from '../config/config.js';
import { maskPhone } from '../privacy/mask.js';

/** Sends one text message. Pluggable: `console` for development, `sms` posts to the provider's gateway. */
export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

/**
 * PHONE_VERIFICATION=console: the message goes to the log (phone masked) and to a short in-memory outbox that
 * tests and a developer's console read. Never in production (the config refuses it).
 */
export class ConsoleSmsSender implements SmsSender {
  static readonly outbox: { phone: string; text: string; at: number }[] = [];

  async send(phone: string, text: string): Promise<void> {
    ConsoleSmsSender.outbox.push({ phone, text, at: Date.now() });
    if (ConsoleSmsSender.outbox.length > 200) ConsoleSmsSender.outbox.shift();
    // The code is the point of console mode; the phone stays masked like everywhere in the logs.
    logger.info('sms (console)', { to: maskPhone(phone), text });
  }

  /** The last one-time code sent to `phone`, if any (tests, local development). */
  static lastCodeFor(phone: string): string | null {
    for (let i = ConsoleSmsSender.outbox.length - 1; i >= 0; i--) {
      const m = ConsoleSmsSender.outbox[i];
      if (m.phone === phone) return /(\d{6})/.exec(m.text)?.[1] ?? null;
    }
    return null;
  }
}

/** PHONE_VERIFICATION=sms: a JSON POST {phone, text} to SMS_WEBHOOK_URL (the provider's gateway or an adapter). */
export class WebhookSmsSender implements SmsSender {
  constructor(private readonly url: string) {}

  async send(phone: string, text: string): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone, text }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) logger.warn('sms gateway refused', { status: res.status });
  }
}

/** Sends nothing (PHONE_VERIFICATION=off). */
export class NoSmsSender implements SmsSender {
  async send(): Promise<void> {}
}

export function smsSenderFor(config: AppConfig): SmsSender {
  const v = config.phoneVerification;
  if (v.mode === 'sms') return new WebhookSmsSender(v.smsWebhookUrl!);
  if (v.mode === 'console') return new ConsoleSmsSender();
  return new NoSmsSender();
}
