import { canonical, chainHash, GENESIS_HASH, requestHash } from './ledger-hash.js';
import { csvCell, monthRange } from './time-bank.view.js';
import {
  ageOn,
  DEFAULT_POLICY,
  expiringMinutes,
  localDayAndYearStart,
  mayRedeem,
  mergePolicy,
  monthsBefore,
  planExpiry,
  splitAtCap,
} from './time-bank-policy.js';

describe('time bank policy', () => {
  it('inherits each field from the nearest region that sets it, then the default', () => {
    const p = mergePolicy([{ redemptionAge: 55 }, { redemptionAge: 65, dailyTransferCapMinutes: 30 }]);
    expect(p.redemptionAge).toBe(55);
    expect(p.dailyTransferCapMinutes).toBe(30);
    expect(p.balanceCapMinutes).toBe(90000);
    expect(mergePolicy([])).toEqual(DEFAULT_POLICY);
  });

  it('computes age in China Standard Time', () => {
    expect(ageOn('1966-03-01', new Date('2026-02-28T15:59:59Z'))).toBe(59);
    expect(ageOn('1966-03-01', new Date('2026-02-28T16:00:00Z'))).toBe(60);
  });

  it('lets people redeem from the redemption age, earlier with hardship, never with an unknown age', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(mayRedeem(DEFAULT_POLICY, '1950-01-01', false, now)).toBe(true);
    expect(mayRedeem(DEFAULT_POLICY, '1985-05-20', false, now)).toBe(false);
    expect(mayRedeem(DEFAULT_POLICY, '1985-05-20', true, now)).toBe(true);
    expect(mayRedeem(DEFAULT_POLICY, null, false, now)).toBe('BIRTH_DATE_UNKNOWN');
    expect(mayRedeem(DEFAULT_POLICY, null, true, now)).toBe(true);
    expect(mayRedeem({ ...DEFAULT_POLICY, hardshipRedemptionAge: 50 }, '1985-05-20', true, now)).toBe(false);
  });

  it('splits a credit at the cap', () => {
    expect(splitAtCap(0, 60, 100)).toEqual({ kept: 60, overflow: 0 });
    expect(splitAtCap(80, 60, 100)).toEqual({ kept: 20, overflow: 40 });
    expect(splitAtCap(150, 60, 100)).toEqual({ kept: 0, overflow: 60 });
  });

  it('treats expiryMonths 0 as off, so that a subtree can opt out', () => {
    expect(mergePolicy([{ expiryMonths: 0 }, { expiryMonths: 12 }]).expiryMonths).toBeNull();
    expect(mergePolicy([{}, { expiryMonths: 12 }]).expiryMonths).toBe(12);
  });

  it('expires oldest minutes first, never more than is available', () => {
    expect(expiringMinutes(100, 30, 500)).toBe(70);
    expect(expiringMinutes(100, 130, 500)).toBe(0);
    expect(expiringMinutes(100, 0, 40)).toBe(40);
    expect(monthsBefore(new Date('2026-03-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(monthsBefore(new Date('2026-01-15T00:00:00Z'), -13).toISOString()).toBe('2027-02-15T00:00:00.000Z');
  });

  it('finds the local day and year', () => {
    const { day, year } = localDayAndYearStart(new Date('2026-01-01T17:00:00Z'));
    expect(day.toISOString()).toBe('2026-01-01T16:00:00.000Z');
    expect(year.toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });
});

describe('ledger hash chain', () => {
  const entry = {
    seq: 1,
    id: 'a',
    kind: 'EARN',
    regionId: 'r',
    memo: null,
    sourceType: null,
    sourceId: null,
    reversesId: null,
    reason: null,
    initiatorId: null,
    createdAt: new Date('2026-01-01T00:00:00.123Z'),
    postings: [
      { accountId: 'b', amount: 5 },
      { accountId: 'a', amount: -5 },
    ],
  };
  it('is independent of posting order and sensitive to every amount', () => {
    const h = chainHash(GENESIS_HASH, entry);
    expect(chainHash(GENESIS_HASH, { ...entry, postings: [...entry.postings].reverse() })).toBe(h);
    expect(
      chainHash(GENESIS_HASH, {
        ...entry,
        postings: [
          { accountId: 'b', amount: 6 },
          { accountId: 'a', amount: -6 },
        ],
      }),
    ).not.toBe(h);
    expect(chainHash('1'.repeat(64), entry)).not.toBe(h);
    expect(canonical(entry)).toContain('2026-01-01T00:00:00.123Z');
  });
  it('fingerprints requests regardless of key order', () => {
    expect(requestHash('t', { a: 1, b: 'x' })).toBe(requestHash('t', { b: 'x', a: 1 }));
    expect(requestHash('t', { a: 1 })).not.toBe(requestHash('t', { a: 2 }));
  });
});

describe('statements', () => {
  it('neutralizes spreadsheet formulas and quotes CSV cells', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-5')).toBe(`"'-5"`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('助餐')).toBe('助餐');
  });
  it('reads months in China Standard Time', () => {
    expect(monthRange('2026-01')).toEqual({ from: new Date('2025-12-31T16:00:00Z'), to: new Date('2026-01-31T16:00:00Z') });
    expect(monthRange('2026-13')).toBeNull();
    expect(monthRange('26-01')).toBeNull();
  });
});

describe('planExpiry', () => {
  const now = new Date('2027-03-01T04:00:00Z');
  const days = (n: number) => new Date(now.getTime() - n * 86400_000);

  it('never expires without a notice: the first pass over old credits only gives notice', () => {
    expect(planExpiry(now, 30, 100, 100, [])).toEqual({ expire: 0, source: null, settle: [], notice: 100 });
    expect(planExpiry(now, 0, 100, 100, [])).toEqual({ expire: 0, source: null, settle: [], notice: 100 });
  });

  it('expires what a notice old enough covers, once its date has come', () => {
    const young = [{ id: 'n1', remaining: 100, expiresOn: '2027-03-20', createdAt: days(10) }];
    expect(planExpiry(now, 30, 100, 100, young)).toEqual({ expire: 0, source: null, settle: [], notice: 0 });
    const notYetDate = [{ id: 'n1', remaining: 100, expiresOn: '2027-03-02', createdAt: days(40) }];
    expect(planExpiry(now, 30, 100, 100, notYetDate).expire).toBe(0);
    const ripe = [{ id: 'n1', remaining: 100, expiresOn: '2027-02-28', createdAt: days(31) }];
    expect(planExpiry(now, 30, 100, 100, ripe)).toEqual({ expire: 100, source: 'n1', settle: [['n1', 100]], notice: 0 });
    // Only what is due by age, even if the notice said more.
    expect(planExpiry(now, 30, 60, 100, ripe)).toEqual({ expire: 60, source: 'n1', settle: [['n1', 60]], notice: 0 });
  });

  it('settles notices of minutes used meanwhile, newest first, and notices only what no notice covers', () => {
    const two = [
      { id: 'old', remaining: 50, expiresOn: '2027-02-01', createdAt: days(40) },
      { id: 'new', remaining: 50, expiresOn: '2027-03-10', createdAt: days(5) },
    ];
    // 70 of the 100 noticed minutes were used: the newer notice is settled whole, the older in part; the rest expires.
    expect(planExpiry(now, 30, 30, 30, two)).toEqual({
      expire: 30,
      source: 'old',
      settle: [
        ['new', 50],
        ['old', 50],
      ],
      notice: 0,
    });
    expect(planExpiry(now, 30, 0, 130, two).notice).toBe(30);
  });
});
