import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BidirectionalPageArgs, Connection, windowConnection } from '../common/graphql/connection.js';
import { windowRequest } from '../common/keyset-page.js';
import { NeedSignalType, NotificationBus } from '../notifications/notification-bus.js';
import { maskPhonesInText } from '../privacy/mask.js';
import { Actor } from '../scope/actor.js';
import { CallRelay } from './call-relay.js';
import { NeedEffects } from './need-effects.js';
import { NeedMessage } from './need.model.js';
import { NeedRecord } from './need.record.js';
import { NeedParty, NeedStatus } from './need-transitions.js';
import { MESSAGE_ORDER, NeedMessagesRepository } from './need-messages.repository.js';
import { needErrors } from './needs.errors.js';
import { NeedsRepository } from './needs.repository.js';
import { NeedsService } from './needs.service.js';
import { PeopleRepository } from '../people/people.repository.js';
import { VolunteersRepository } from '../volunteers/volunteers.repository.js';

/** A need is live for messages until it is closed, cancelled or rejected. */
const ENDED: NeedStatus[] = [NeedStatus.CLOSED, NeedStatus.CANCELLED, NeedStatus.REJECTED];
const TALKERS = [NeedParty.BENEFICIARY, NeedParty.PROXY, NeedParty.CLAIMANT, NeedParty.STAFF];

/**
 * 需求留言 (docs/everyday.md): the resident side, the claimant and staff in scope talk on a need. Nobody else reads
 * them; any phone number typed in is masked before it is stored; a call goes through the relay, never a number.
 */
@Injectable()
export class NeedMessagesService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: NeedMessagesRepository,
    private readonly needsRepo: NeedsRepository,
    private readonly needs: NeedsService,
    private readonly effects: NeedEffects,
    private readonly bus: NotificationBus,
    private readonly relay: CallRelay,
    private readonly people: PeopleRepository,
    private readonly volunteers: VolunteersRepository,
  ) {}

  /** The need, when the actor is one of its talkers. */
  async access(actor: Actor, needId: string): Promise<NeedRecord> {
    const need = await this.needs.get(actor, needId).catch(() => null);
    if (!need) throw needErrors.messageForbidden();
    const volunteer = await this.needs.myVolunteer(actor.personId);
    const parties = await this.needs.partiesOf(this.db.manager, actor, need, volunteer);
    if (!TALKERS.some((p) => parties.has(p))) throw needErrors.messageForbidden();
    return need;
  }

  /** Whether `actor` may still talk on the need now (each delivery of needMessageSent asks again: a released claimant stops hearing). */
  async mayTalk(actor: Actor, needId: string): Promise<boolean> {
    return this.access(actor, needId).then(
      () => true,
      () => false,
    );
  }

  async send(actor: Actor, needId: string, text: string): Promise<NeedMessage> {
    const clean = (text ?? '').trim();
    if (!clean || clean.length > 500) throw needErrors.messageEmpty();
    const need = await this.access(actor, needId);
    if (ENDED.includes(need.status)) throw needErrors.messageNotLive();
    return this.db.transaction(async (m) => {
      const message = await this.repo.insert(m, need.id, actor.personId, maskPhonesInText(clean));
      await this.needsRepo.recordEvent(m, {
        needId: need.id,
        action: 'MESSAGE',
        from: need.status,
        to: need.status,
        actorId: actor.personId,
        data: { messageId: message.id },
      });
      // The message id travels, never the text: subscribers read it back through `message` (and its checks).
      await this.effects.signal(m, NeedSignalType.NEED_MESSAGE, need, message.id, need.claimedById);
      return message;
    });
  }

  async page(actor: Actor, needId: string, page: BidirectionalPageArgs): Promise<Connection<NeedMessage>> {
    const need = await this.access(actor, needId);
    const request = windowRequest(page, MESSAGE_ORDER);
    return windowConnection(
      await this.repo.page(need.id, request),
      (r) => [r.seq],
      (r) => r,
    );
  }

  /** The message of a delivered signal, for a subscriber whose access was checked when subscribing. */
  message(id: string): Promise<NeedMessage | null> {
    return this.repo.byId(id);
  }

  /** 隐私通话: connects the resident side and the claimant through the relay; neither learns the other's number. */
  async requestCall(actor: Actor, needId: string): Promise<{ status: string; relayNumber: string | null }> {
    const need = await this.access(actor, needId);
    if (ENDED.includes(need.status)) throw needErrors.messageNotLive();
    if (!need.claimedById) throw needErrors.callNoCounterpart();
    const volunteer = await this.needs.myVolunteer(actor.personId);
    const claimant = volunteer?.id === need.claimedById;
    const claimantPerson = claimant ? actor.personId : (await this.volunteers.byIds([need.claimedById]))[0]?.personId;
    const calleeId = claimant ? need.beneficiaryId : claimantPerson;
    // Phone numbers for the relay only (never returned to a client).
    const phones = new Map((await this.people.byIds([actor.personId, calleeId])).map((p) => [p.id, p.phone]));
    return this.relay.connect({
      needId: need.id,
      callerId: actor.personId,
      calleeId,
      callerPhone: phones.get(actor.personId) ?? '',
      calleePhone: phones.get(calleeId) ?? '',
    });
  }
}
