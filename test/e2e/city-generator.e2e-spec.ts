import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { closeDatabase, openDatabase } from '../../src/database/data-source.js';
import { generateInto, parseArgs } from '../../src/generate/generate.js';
import { uid } from '../../src/generate/rng.js';
import { ID_NUMBER_FIELD } from '../../src/people/people.service.js';
import { parseIdNumber } from '../../src/privacy/id-number.js';
import { PiiCipher } from '../../src/privacy/pii-cipher.js';
import { LedgerRepository } from '../../src/time-bank/ledger.repository.js';
import { VerifyLedgerService } from '../../src/time-bank/verify-ledger.service.js';
import { createDatabase } from '../helpers/test-app.js';

/** `npm run generate -- --scale district` into an empty database: the counts of §15's district, valid registry rows, a ledger that verifies. */
describe('city generator, district scale', () => {
  const piiKey = randomBytes(32);
  let url: string;
  let db: DataSource;
  let result: Awaited<ReturnType<typeof generateInto>>;

  beforeAll(async () => {
    url = await createDatabase(false);
    result = await generateInto(url, parseArgs(['--scale', 'district', '--seed', '7', '--anchor', '2026-11-20']), piiKey);
    db = await openDatabase(url);
  }, 900_000);
  afterAll(() => (db ? closeDatabase(db) : undefined));

  it('builds the region tree, people, volunteers, organizations and needs of one district', async () => {
    const levels = await db.query(`SELECT level::text, count(*)::int AS n FROM regions GROUP BY 1 ORDER BY min(nlevel(path))`);
    expect(levels.map((l: { level: string; n: number }) => [l.level, l.n])).toEqual([
      ['PROVINCE', 1],
      ['CITY', 1],
      ['DISTRICT', 1],
      ['STREET', 12],
      ['COMMUNITY', 168],
      ['GRID', 840],
    ]);
    // Populations (one source: the communities' resident population in stats_region_attributes) add up to about the district's 800 000.
    const [pop] = await db.query(
      `SELECT count(*)::int AS n, sum(a.resident_population)::float8 AS total FROM stats_region_attributes a JOIN regions r ON r.id = a.region_id WHERE r.level = 'COMMUNITY'`,
    );
    expect(pop.n).toBe(168);
    expect(pop.total).toBeGreaterThan(700_000);
    expect(pop.total).toBeLessThan(900_000);
    expect((await db.query(`SELECT count(*)::int AS n FROM regions WHERE level = 'COMMUNITY' AND length(code) <> 12`))[0].n).toBe(0);
    expect(result.counts).toMatchObject({ persons: 20_000, volunteers: 5_000, needs: 40_000, organizations: 72, social_workers: 36 });
    expect(result.counts.ledger_postings).toBeGreaterThan(180_000);
    expect(result.counts.ledger_postings).toBeLessThan(220_000);
    // Every state of the loop occurs, with its history; every confirmed need has its service record and EARN.
    const states = (await db.query(`SELECT DISTINCT status::text AS s FROM needs ORDER BY 1`)).map((r: { s: string }) => r.s);
    expect(states).toEqual(['ACCEPTED', 'CANCELLED', 'CLAIMED', 'CLOSED', 'COMPLETED', 'CONFIRMED', 'EXPIRED', 'IN_SERVICE', 'OPEN', 'REJECTED', 'SUBMITTED']);
    const [{ without }] = await db.query(
      `SELECT count(*)::int AS without FROM needs n WHERE NOT EXISTS (SELECT 1 FROM need_events e WHERE e.need_id = n.id AND e.to_status = n.status)`,
    );
    expect(without).toBe(0);
    const [{ confirmed, records, earns }] = await db.query(
      `SELECT (SELECT count(*)::int FROM needs WHERE status IN ('CONFIRMED', 'CLOSED')) AS confirmed, (SELECT count(*)::int FROM service_records) AS records,
              (SELECT count(*)::int FROM ledger_transactions WHERE kind = 'EARN') AS earns`,
    );
    expect(records).toBe(confirmed);
    expect(earns).toBe(confirmed);
    const [{ rated }] = await db.query(`SELECT count(*)::int AS rated FROM needs WHERE status IN ('CONFIRMED', 'CLOSED') AND rating BETWEEN 1 AND 5`);
    expect(rated).toBe(confirmed);
    // Open needs lie ahead, in reach of volunteers with skills, areas and availability.
    const [{ open }] = await db.query(`SELECT count(*)::int AS open FROM needs WHERE status = 'OPEN' AND window_start > $1`, ['2026-11-20T00:00:00+08:00']);
    expect(open).toBeGreaterThan(500);
    const [{ bare }] = await db.query(
      `SELECT count(*)::int AS bare FROM volunteers v WHERE NOT EXISTS (SELECT 1 FROM volunteer_skills s WHERE s.volunteer_id = v.id)
          OR NOT EXISTS (SELECT 1 FROM volunteer_regions r WHERE r.volunteer_id = v.id) OR NOT EXISTS (SELECT 1 FROM volunteer_availability a WHERE a.volunteer_id = v.id)`,
    );
    expect(bare).toBe(0);
    const kinds = (await db.query(`SELECT DISTINCT kind::text AS k FROM ledger_transactions ORDER BY 1`)).map((r: { k: string }) => r.k);
    expect(kinds).toEqual(['DONATE', 'EARN', 'GRANT', 'REVERSAL', 'SPEND', 'TRANSFER']);
  });

  it('stores ID numbers as the registry does: valid, encrypted, with the lookup hash', async () => {
    const cipher = new PiiCipher(piiKey);
    const rows = await db.query(`SELECT id_number_cipher, id_number_hash, to_char(birth_date, 'YYYY-MM-DD') AS birth FROM persons ORDER BY phone LIMIT 200`);
    expect(rows.length).toBe(200);
    for (const r of rows) {
      const id = cipher.decrypt(r.id_number_cipher, ID_NUMBER_FIELD);
      const parsed = parseIdNumber(id);
      expect('problem' in parsed ? parsed.problem : parsed.birthDate).toBe(r.birth);
      expect(Buffer.compare(cipher.lookupHash(id, ID_NUMBER_FIELD), r.id_number_hash)).toBe(0);
    }
    // Ids come from the seed: person 0 of seed 7 has the same id everywhere.
    expect((await db.query(`SELECT id FROM persons WHERE phone = '17000000000'`))[0].id).toBe(uid(7, 'person', 0));
  });

  it('writes a ledger that verifyLedger accepts, with the database invariants in force again', async () => {
    const verify = new VerifyLedgerService(db, new LedgerRepository(db));
    const r = await verify.run(null);
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ ok: true, sumOfBalances: 0, checkedEntries: result.counts.ledger_transactions });
    const [{ below }] = await db.query(`SELECT count(*)::int AS below FROM ledger_accounts WHERE floor_minutes IS NOT NULL AND balance < floor_minutes`);
    expect(below).toBe(0);
    // The journal's triggers are back: a generated row cannot be edited.
    await expect(db.query(`UPDATE ledger_postings SET amount = amount + 1 WHERE id = (SELECT min(id) FROM ledger_postings)`)).rejects.toThrow(/append-only/);
  }, 900_000);
});
