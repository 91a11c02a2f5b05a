import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { PeopleRepository } from '../people/people.repository.js';
import { PiiCipher } from '../privacy/pii-cipher.js';
import { authErrors } from './auth.errors.js';
import { CodePurpose, PhoneVerificationRepository } from './phone-verification.repository.js';
import { SMS_SENDER } from './sms-sender.js';
import type { SmsSender } from './sms-sender.js';

const MAX_ATTEMPTS = 5;

/**
 * Phone verification by one-time code (docs/security.md). `requestCode` answers the same whether or not the
 * phone is registered: for REGISTER an unregistered phone gets a code and a registered one a notice; for
 * SET_PASSWORD only a registered phone gets a code. Requests are throttled per phone and per address.
 */
@Injectable()
export class PhoneVerificationService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: PhoneVerificationRepository,
    private readonly people: PeopleRepository,
    private readonly cipher: PiiCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
  ) {}

  get enabled(): boolean {
    return this.config.phoneVerification.mode !== 'off';
  }

  private hash(code: string, phoneKey: Buffer): Buffer {
    return createHmac('sha256', phoneKey).update(code).digest();
  }

  /** Counts one request of `bucket` from `ip`; RATE_LIMITED with `error` once the address used up `max`. */
  async throttleAddress(bucket: string, ip: string, max: number, error: () => Error): Promise<void> {
    const ok = await this.db.transaction((m) =>
      this.repo.take(m, bucket, this.cipher.throttleKeyFor(`ip:${ip}`), this.config.phoneVerification.windowSeconds, max),
    );
    if (!ok) throw error();
  }

  async requestCode(phone: string, purpose: CodePurpose, ip: string): Promise<boolean> {
    const v = this.config.phoneVerification;
    const phoneKey = this.cipher.throttleKeyFor(phone);
    await this.throttleAddress('code-ip', ip, v.maxPerAddress, authErrors.codeThrottled);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const message = await this.db.transaction(async (m) => {
      if (!(await this.repo.take(m, 'code-phone', phoneKey, v.windowSeconds, v.maxPerPhone))) throw authErrors.codeThrottled();
      const registered = await this.people.phoneTaken(m, phone);
      if (purpose === 'REGISTER' && registered) return '【五社联动】该手机号已注册，可直接登录；如忘记密码，请在登录页选择"设置密码"。';
      if (purpose === 'SET_PASSWORD' && !registered) return null;
      await this.repo.insertCode(m, phoneKey, purpose, this.hash(code, phoneKey), v.codeTtlSeconds);
      const what = purpose === 'REGISTER' ? '注册' : '设置密码';
      return `【五社联动】您的${what}验证码为 ${code}，${Math.round(v.codeTtlSeconds / 60)} 分钟内有效，请勿告诉他人。`;
    });
    if (message && this.enabled) await this.sms.send(phone, message);
    return true;
  }

  /**
   * Checks and consumes the code in a transaction of its own, so that a wrong guess stays counted even though
   * the caller then fails. Five wrong guesses use the code up.
   */
  async verify(phone: string, purpose: CodePurpose, code: string | null | undefined): Promise<void> {
    if (!code) throw authErrors.codeRequired();
    const phoneKey = this.cipher.throttleKeyFor(phone);
    const ok = await this.db.transaction(async (m) => {
      const row = await this.repo.lockLatest(m, phoneKey, purpose);
      if (!row || !row.live || row.attempts >= MAX_ATTEMPTS) return false;
      const given = this.hash(code, phoneKey);
      if (!timingSafeEqual(given, row.code_hash)) {
        await this.repo.countAttempt(m, row.id);
        return false;
      }
      await this.repo.consume(m, row.id);
      return true;
    });
    if (!ok) throw authErrors.codeInvalid();
  }
}
