import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DomainException } from '../../src/common/errors.js';
import { ServiceConfirmationHooks } from '../../src/common/service-confirmed.js';
import { Actor } from '../../src/scope/actor.js';
import { ActorRepository } from '../../src/scope/actor.repository.js';
import { LedgerRepository, TransactionRow } from '../../src/time-bank/ledger.repository.js';
import { TimeBankService } from '../../src/time-bank/time-bank.service.js';
import { VerifyLedgerService } from '../../src/time-bank/verify-ledger.service.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * Auditor with a model: random sequences of every ledger operation, some run concurrently, some replayed with their
 * idempotency key; after each step the ledger's invariants must hold, verifyLedger must agree, and every balance
 * must equal its opening plus what the successful operations asked for (a transfer of m moves exactly m, a reversal
 * exactly undoes its original), so that a wrong-but-balanced amount fails.
 */
const MEMBERS = ['13900000001', '13900000002', '13800000001', '13800000002'] as const;
const VOLUNTEERS = [0, 1] as const;
const ALLOWED = new Set(['INSUFFICIENT_BALANCE', 'FORBIDDEN', 'LIMIT_EXCEEDED', 'CONFLICT', 'BAD_USER_INPUT', 'NOT_FOUND']);

type Op =
  | { op: 'earn'; who: number; minutes: number; group: boolean; beneficiary: number }
  | { op: 'transfer'; from: number; to: number; minutes: number }
  | { op: 'donate'; who: number; minutes: number }
  | { op: 'grant'; to: number; minutes: number }
  | { op: 'spend'; who: number; service: number | null; minutes: number }
  | { op: 'reverse'; pick: number }
  | { op: 'replay'; pick: number };

const minutes = fc.integer({ min: 1, max: 400 });
const member = fc.integer({ min: 0, max: MEMBERS.length - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('earn' as const), who: fc.constantFrom(...VOLUNTEERS), minutes, group: fc.boolean(), beneficiary: member }),
  fc.record({ op: fc.constant('transfer' as const), from: member, to: member, minutes }),
  fc.record({ op: fc.constant('donate' as const), who: member, minutes }),
  fc.record({ op: fc.constant('grant' as const), to: member, minutes }),
  fc.record({ op: fc.constant('spend' as const), who: member, service: fc.option(fc.nat(), { nil: null }), minutes }),
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
  /** Successful mutations with how to replay them, and what they moved in the model. */
  const done: { id: string; kind: string; replay: () => Promise<{ id: string }>; moved: Map<string, number> }[] = [];
  /** Confirmed needs of the walk (the services a SPEND may pay for), with their beneficiary. */
  const services: { needId: string; beneficiary: number }[] = [];
  /** The model: expected balance change per holder (a person id, or the kind of a community account) since the start. */
  const model = new Map<string, number>();
  const opening = new Map<string, number>();
  const holderOf = (p: { personId: string | null; accountKind: string }) => p.personId ?? p.accountKind;
  const balances = async (): Promise<Map<string, number>> => {
    const rows = await t.db.query(
      `SELECT coalesce(a.person_id::text, a.kind::text) AS holder, a.balance::float8 AS balance FROM ledger_accounts a JOIN regions r ON r.id = a.region_id
        WHERE a.person_id = ANY($1::uuid[]) OR (a.kind <> 'PERSON' AND r.code IN ('320102002', '320102002001'))`,
      [people],
    );
    return new Map(rows.map((r: { holder: string; balance: number }) => [r.holder, r.balance]));
  };
  /** Applies what a successful operation asked for to the model, after checking the transaction moved exactly that. */
  const expectMoved = (
    tx: { postings: { personId: string | null; accountKind: string; amount: number }[] },
    asked: [string, number][],
  ): Map<string, number> => {
    const moved = new Map<string, number>();
    for (const [holder, amount] of asked) if (amount !== 0) moved.set(holder, (moved.get(holder) ?? 0) + amount);
    const actual = new Map<string, number>();
    for (const p of tx.postings) actual.set(holderOf(p), (actual.get(holderOf(p)) ?? 0) + p.amount);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(moved));
    for (const [holder, amount] of moved) model.set(holder, (model.get(holder) ?? 0) + amount);
    return moved;
  };

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
    for (let i = 0; i < people.length; i++)
      for (let j = i + 1; j < people.length; j++) {
        await t.db.query(`INSERT INTO relatives (person_id, relative_id, relation, recorded_by) VALUES ($1, $2, '亲属', $3) ON CONFLICT DO NOTHING`, [
          people[i],
          people[j],
          worker.personId,
        ]);
      }
    const street = (await t.db.query(`SELECT id FROM regions WHERE code = '320102002'`))[0].id;
    await bank.setPolicy(admin, street, { balanceCapMinutes: 900, dailyTransferCapMinutes: 90000, yearlyTransferCapMinutes: 1000000 });
    for (const [holder, balance] of await balances()) opening.set(holder, balance);
  });
  afterAll(() => t.close());

  const run = async (op: Op): Promise<void> => {
    const key = randomUUID();
    let call: (() => Promise<TransactionRow>) | null = null;
    let asked: (tx: TransactionRow) => [string, number][] = () => [];
    switch (op.op) {
      case 'earn': {
        const now = new Date();
        const needId = randomUUID();
        await t.db.transaction(async (m) => {
          // The CONFIRMED need behind the service, as the dispatch loop leaves it.
          await m.query(
            `INSERT INTO needs (id, title, category, status, beneficiary_id, posted_by, grid_id, grid_path, window_start, window_end, estimated_minutes,
                                accept_deadline, claim_deadline, claimed_by, claimed_at, started_at, completed_at, service_minutes, confirmed_at, confirmed_by)
             SELECT $1, '属性测试服务', 'OTHER', 'CONFIRMED', $2, $2, g.id, g.path, $3, $3::timestamptz + interval '1 day', 60, $3, $3, $5, $3, $3, $3, $4, $3, $2
               FROM regions g WHERE g.id = $6`,
            [needId, people[op.beneficiary], now, op.minutes, volunteerIds[op.who], grid],
          );
          await t.app.get(ServiceConfirmationHooks).confirmed(m, {
            needId,
            volunteerId: volunteerIds[op.who],
            volunteerPersonId: people[op.who],
            beneficiaryPersonId: people[op.beneficiary],
            gridId: grid,
            minutes: op.minutes,
            title: '属性测试服务',
            category: 'OTHER',
            address: null,
            startedAt: now,
            endedAt: now,
            confirmedBy: people[op.beneficiary],
            confirmedAt: now,
            groupActivity: op.group,
          });
        });
        const [{ id }] = await t.db.query(`SELECT t.id FROM ledger_transactions t JOIN service_records s ON s.id = t.source_id WHERE s.need_id = $1`, [needId]);
        const [tx] = await t.app.get(LedgerRepository).transactionsByIds([id]);
        // What the cap keeps back goes to the pool: the volunteer and the pool together get exactly the minutes served.
        const kept = tx.postings.find((p) => p.personId === people[op.who])?.amount ?? 0;
        expect(kept).toBeGreaterThanOrEqual(0);
        expect(kept).toBeLessThanOrEqual(op.minutes);
        const moved = expectMoved(tx, [
          ['ISSUANCE', -op.minutes],
          [people[op.who], kept],
          ['COMMUNITY_POOL', op.minutes - kept],
        ]);
        if (op.beneficiary !== op.who) services.push({ needId, beneficiary: op.beneficiary });
        done.push({ id, kind: 'EARN', replay: async () => tx, moved });
        return;
      }
      case 'transfer':
        call = () => bank.transfer(actors[op.from], { toPersonId: people[op.to], minutes: op.minutes, idempotencyKey: key });
        asked = () => [
          [people[op.from], -op.minutes],
          [people[op.to], op.minutes],
        ];
        break;
      case 'donate':
        call = () => bank.donate(actors[op.who], { minutes: op.minutes, idempotencyKey: key });
        asked = () => [
          [people[op.who], -op.minutes],
          ['COMMUNITY_POOL', op.minutes],
        ];
        break;
      case 'grant':
        call = () => bank.grant(worker, { toPersonId: people[op.to], minutes: op.minutes, idempotencyKey: key });
        // A grant stops at the receiver's cap: what it pays is at most what was asked.
        asked = (tx) => {
          const paid = tx.postings.find((p) => p.personId === people[op.to])?.amount ?? 0;
          expect(paid).toBeGreaterThan(0);
          expect(paid).toBeLessThanOrEqual(op.minutes);
          return [
            ['COMMUNITY_POOL', -paid],
            [people[op.to], paid],
          ];
        };
        break;
      case 'spend': {
        const service = op.service === null || services.length === 0 ? null : services[op.service % services.length];
        // Mostly the payer's own service; sometimes somebody else's, which must be refused.
        const payer = service && op.who % 2 === 0 ? service.beneficiary : op.who;
        call = () => bank.spend(actors[payer], { minutes: op.minutes, needId: service?.needId ?? null, idempotencyKey: key });
        asked = (tx) => {
          const to = tx.postings.find((p) => p.amount > 0)!;
          if (service) expect(to.accountKind).toBe('PERSON');
          else expect(to.accountKind).toBe('REDEMPTION_SINK');
          return [
            [people[payer], -op.minutes],
            [holderOf(to), op.minutes],
          ];
        };
        break;
      }
      case 'reverse': {
        if (done.length === 0) return;
        const target = done[op.pick % done.length];
        call = () => bank.reverse(admin, { transactionId: target.id, reason: '属性测试冲正', idempotencyKey: key });
        asked = () => [...target.moved].map(([holder, amount]) => [holder, -amount]);
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
    let tx: TransactionRow;
    try {
      tx = await call();
    } catch (err) {
      if (!(err instanceof DomainException) || !ALLOWED.has(err.code)) throw err;
      return;
    }
    done.push({ id: tx.id, kind: tx.kind, replay: call, moved: expectMoved(tx, asked(tx)) });
  };

  const checkInvariants = async () => {
    const [{ sum }] = await t.db.query(`SELECT coalesce(sum(balance), 0)::float8 AS sum FROM ledger_accounts`);
    expect(sum).toBe(0);
    expect(await t.db.query(`SELECT id FROM ledger_accounts WHERE floor_minutes IS NOT NULL AND balance < floor_minutes`)).toEqual([]);
    expect(await t.db.query(`SELECT id FROM ledger_accounts WHERE donate_only > greatest(balance, 0) OR donate_only < 0`)).toEqual([]);
    expect(
      await t.db.query(
        `SELECT t.id FROM ledger_transactions t LEFT JOIN ledger_postings p ON p.transaction_id = t.id GROUP BY t.id HAVING count(p.id) < 2 OR coalesce(sum(p.amount), 0) <> 0`,
      ),
    ).toEqual([]);
    expect(
      await t.db.query(
        `SELECT a.id FROM ledger_accounts a LEFT JOIN (SELECT account_id, sum(amount) AS s FROM ledger_postings GROUP BY account_id) p ON p.account_id = a.id WHERE a.balance <> coalesce(p.s, 0)`,
      ),
    ).toEqual([]);
    const actual = await balances();
    for (const [holder, balance] of actual) expect([holder, balance]).toEqual([holder, (opening.get(holder) ?? 0) + (model.get(holder) ?? 0)]);
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
    // Some spends paid a volunteer for a service received (the others went to the redemption account).
    expect((await t.db.query(`SELECT count(*)::int AS n FROM ledger_transactions WHERE kind = 'SPEND' AND source_type = 'NEED'`))[0].n).toBeGreaterThan(0);
  });
});
