import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DomainException } from '../../src/common/errors.js';
import { ServiceConfirmationHooks } from '../../src/common/service-confirmed.js';
import { Actor } from '../../src/scope/actor.js';
import { ActorRepository } from '../../src/scope/actor.repository.js';
import { TimeBankService } from '../../src/time-bank/time-bank.service.js';
import { VerifyLedgerService } from '../../src/time-bank/verify-ledger.service.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * Model-free auditor: random sequences of every ledger operation, some run concurrently, some replayed with their
 * idempotency key; after each step the ledger's invariants must hold and verifyLedger must agree.
 */
const MEMBERS = ['13900000001', '13900000002', '13800000001', '13800000002'] as const;
const VOLUNTEERS = [0, 1] as const;
const ALLOWED = new Set(['INSUFFICIENT_BALANCE', 'FORBIDDEN', 'LIMIT_EXCEEDED', 'CONFLICT', 'BAD_USER_INPUT', 'NOT_FOUND']);

type Op =
  | { op: 'earn'; who: number; minutes: number; group: boolean }
  | { op: 'transfer'; from: number; to: number; minutes: number }
  | { op: 'donate'; who: number; minutes: number }
  | { op: 'grant'; to: number; minutes: number }
  | { op: 'spend'; who: number; provider: number | null; minutes: number }
  | { op: 'reverse'; pick: number }
  | { op: 'replay'; pick: number };

const minutes = fc.integer({ min: 1, max: 400 });
const member = fc.integer({ min: 0, max: MEMBERS.length - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('earn' as const), who: fc.constantFrom(...VOLUNTEERS), minutes, group: fc.boolean() }),
  fc.record({ op: fc.constant('transfer' as const), from: member, to: member, minutes }),
  fc.record({ op: fc.constant('donate' as const), who: member, minutes }),
  fc.record({ op: fc.constant('grant' as const), to: member, minutes }),
  fc.record({ op: fc.constant('spend' as const), who: member, provider: fc.option(member, { nil: null }), minutes }),
  fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('replay' as const), pick: fc.nat() }),
);
/** A step is one operation or a few at once. */
const stepArb = fc.array(opArb, { minLength: 1, maxLength: 4 });

describe('time bank ledger invariants (property)', () => {
  let t: TestApp;
  let bank: TimeBankService;
  let verifier: VerifyLedgerService;
  const people: string[] = [];
  const actors: Actor[] = [];
  let volunteerIds: string[] = [];
  let worker: Actor;
  let admin: Actor;
  let grid: string;
  /** Successful mutations with how to replay them. */
  const done: { id: string; kind: string; replay: () => Promise<{ id: string }> }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    bank = t.app.get(TimeBankService);
    verifier = t.app.get(VerifyLedgerService);
    const actorsRepo = t.app.get(ActorRepository);
    const actorOf = async (phone: string) => {
      const id = (await t.db.query(`SELECT id FROM persons WHERE phone = $1`, [phone]))[0].id;
      return new Actor(id, (await actorsRepo.grantsOf(id))!);
    };
    for (const phone of MEMBERS) {
      const a = await actorOf(phone);
      actors.push(a);
      people.push(a.personId);
    }
    volunteerIds = await Promise.all(VOLUNTEERS.map(async (i) => (await t.db.query(`SELECT id FROM volunteers WHERE person_id = $1`, [people[i]]))[0].id));
    worker = await actorOf('13600000001');
    admin = await actorOf('13200000001');
    grid = (await t.db.query(`SELECT id FROM regions WHERE code = '32010200200101'`))[0].id;
    // Every pair are relatives, and a low cap, so that transfers and cap overflows happen often.
    for (let i = 0; i < people.length; i++) for (let j = i + 1; j < people.length; j++) {
      await t.db.query(`INSERT INTO relatives (person_id, relative_id, relation, recorded_by) VALUES ($1, $2, '亲属', $3) ON CONFLICT DO NOTHING`, [people[i], people[j], worker.personId]);
    }
    const street = (await t.db.query(`SELECT id FROM regions WHERE code = '320102002'`))[0].id;
    await bank.setPolicy(admin, street, { balanceCapMinutes: 900, dailyTransferCapMinutes: 90000, yearlyTransferCapMinutes: 1000000 });
  });
  afterAll(() => t.close());

  const run = async (op: Op): Promise<void> => {
    const key = randomUUID();
    let call: (() => Promise<{ id: string; kind: string }>) | null = null;
    switch (op.op) {
      case 'earn': {
        const now = new Date();
        const needId = randomUUID();
        await t.db.transaction((m) =>
          t.app.get(ServiceConfirmationHooks).confirmed(m, {
            needId, volunteerId: volunteerIds[op.who], volunteerPersonId: people[op.who], beneficiaryPersonId: people[2], gridId: grid, minutes: op.minutes,
            title: '属性测试服务', category: 'OTHER', address: null, startedAt: now, endedAt: now, confirmedBy: people[2], confirmedAt: now, groupActivity: op.group,
          } as never),
        );
        const [tx] = await t.db.query(`SELECT t.id FROM ledger_transactions t JOIN service_records s ON s.id = t.source_id WHERE s.need_id = $1`, [needId]);
        done.push({ id: tx.id, kind: 'EARN', replay: async () => tx });
        return;
      }
      case 'transfer':
        call = () => bank.transfer(actors[op.from], { toPersonId: people[op.to], minutes: op.minutes, idempotencyKey: key });
        break;
      case 'donate':
        call = () => bank.donate(actors[op.who], { minutes: op.minutes, idempotencyKey: key });
        break;
      case 'grant':
        call = () => bank.grant(worker, { toPersonId: people[op.to], minutes: op.minutes, idempotencyKey: key });
        break;
      case 'spend':
        call = () => bank.spend(actors[op.who], { minutes: op.minutes, providerPersonId: op.provider === null ? null : people[op.provider], idempotencyKey: key });
        break;
      case 'reverse': {
        if (done.length === 0) return;
        const target = done[op.pick % done.length];
        call = () => bank.reverse(admin, { transactionId: target.id, reason: '属性测试冲正', idempotencyKey: key });
        break;
      }
      case 'replay': {
        if (done.length === 0) return;
        const target = done[op.pick % done.length];
        const again = await target.replay();
        expect(again.id).toBe(target.id);
        return;
      }
    }
    try {
      const tx = await call();
      done.push({ id: tx.id, kind: tx.kind, replay: call });
    } catch (err) {
      if (!(err instanceof DomainException) || !ALLOWED.has(err.code)) throw err;
    }
  };

  const checkInvariants = async () => {
    const [{ sum }] = await t.db.query(`SELECT coalesce(sum(balance), 0)::float8 AS sum FROM ledger_accounts`);
    expect(sum).toBe(0);
    expect(await t.db.query(`SELECT id FROM ledger_accounts WHERE floor_minutes IS NOT NULL AND balance < floor_minutes`)).toEqual([]);
    expect(await t.db.query(`SELECT id FROM ledger_accounts WHERE donate_only > greatest(balance, 0) OR donate_only < 0`)).toEqual([]);
    expect(
      await t.db.query(`SELECT t.id FROM ledger_transactions t LEFT JOIN ledger_postings p ON p.transaction_id = t.id GROUP BY t.id HAVING count(p.id) < 2 OR coalesce(sum(p.amount), 0) <> 0`),
    ).toEqual([]);
    expect(
      await t.db.query(`SELECT a.id FROM ledger_accounts a LEFT JOIN (SELECT account_id, sum(amount) AS s FROM ledger_postings GROUP BY account_id) p ON p.account_id = a.id WHERE a.balance <> coalesce(p.s, 0)`),
    ).toEqual([]);
    const v = await verifier.run(null);
    expect(v).toMatchObject({ ok: true, firstBadEntryId: null, sumOfBalances: 0, problems: [] });
  };

  it('keeps every invariant under random, concurrent and replayed operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const step of steps) {
          await Promise.all(step.map(run));
          await checkInvariants();
        }
      }),
      { numRuns: 30 },
    );
    // The random walk did exercise the ledger, not just refusals.
    const kinds = (await t.db.query(`SELECT DISTINCT kind FROM ledger_transactions`)).map((r: { kind: string }) => r.kind).sort();
    expect(kinds).toEqual(['DONATE', 'EARN', 'GRANT', 'REVERSAL', 'SPEND', 'TRANSFER']);
    expect(done.length).toBeGreaterThan(50);
  });
});
