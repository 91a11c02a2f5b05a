import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { takeThrottle, throttleSpent } from '../common/request-throttle.repository.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { PiiCipher } from '../privacy/pii-cipher.js';
import { peopleErrors } from './people.errors.js';
import { PeopleRepository } from './people.repository.js';
import { ID_NUMBER_FIELD } from './people.service.js';

/**
 * A logged-in person recording an ID number on their own account (updateMyProfile, registerVolunteer) must not
 * learn whether the number belongs to someone else (issue 10, docs/security.md §3): a number another account holds
 * is refused with ID_NUMBER_REFUSED, which sends them to the community and never says that the number is taken,
 * and each person may try only `ID_NUMBER_MAX_PER_PERSON` times per `ID_NUMBER_WINDOW_SECONDS`, so that the
 * refusal cannot be used to test many numbers.
 */
@Injectable()
export class IdNumberClaims {
  constructor(
    private readonly db: DataSource,
    private readonly people: PeopleRepository,
    private readonly cipher: PiiCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Counts one attempt of `personId`, in a transaction of its own (the attempt stays counted when the request then
   * fails); RATE_LIMITED ID_NUMBER_THROTTLED once the person used up the window.
   */
  async throttle(personId: string): Promise<void> {
    const { idNumberAttemptsPerPerson: max, idNumberWindowSeconds: window } = this.config.phoneVerification;
    const key = this.cipher.throttleKeyFor(`person:${personId}`);
    const ok = await this.db.transaction((m) => takeThrottle(m, 'id-number-person', key, window, max));
    if (!ok) throw peopleErrors.idNumberThrottled();
  }

  /**
   * 代办注册 by a worker (registerResidentInPerson): refused before anything is looked up once the worker met
   * `IN_PERSON_REFUSALS_PER_WORKER` refusals in the window (RATE_LIMITED ID_NUMBER_THROTTLED). Registrations that
   * succeed do not count: a worker registering a whole building in a day is not slowed.
   */
  async inPersonAllowed(workerId: string): Promise<void> {
    const { inPersonRefusalsPerWorker: max, idNumberWindowSeconds: window } = this.config.phoneVerification;
    const spent = await throttleSpent(this.db.manager, 'in-person-refusal', this.cipher.throttleKeyFor(`person:${workerId}`), window, max);
    if (spent) throw peopleErrors.idNumberThrottled();
  }

  /** Counts one refused in-person registration of `workerId`, in a transaction of its own (it stays counted). */
  async inPersonRefused(workerId: string): Promise<void> {
    const { inPersonRefusalsPerWorker: max, idNumberWindowSeconds: window } = this.config.phoneVerification;
    const key = this.cipher.throttleKeyFor(`person:${workerId}`);
    await this.db.transaction((m) => takeThrottle(m, 'in-person-refusal', key, window, max));
  }

  /** Records the ID number on `personId` inside the caller's transaction, or refuses (ID_NUMBER_REFUSED) if another account holds it. */
  async record(m: EntityManager, personId: string, idNumber: { normalized: string; birthDate: string }): Promise<void> {
    const hash = this.cipher.lookupHash(idNumber.normalized, ID_NUMBER_FIELD);
    if (await this.people.idNumberTaken(m, hash)) throw peopleErrors.idNumberRefused();
    await this.people.setIdNumber(m, personId, this.cipher.encrypt(idNumber.normalized, ID_NUMBER_FIELD), hash, idNumber.birthDate);
  }
}
