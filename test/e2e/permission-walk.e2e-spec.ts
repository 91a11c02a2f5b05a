import { Role } from '../../src/scope/role.js';
import { idPaths, loadSchema, operations, operationText, plausible, rng, setPath } from '../attack/schema-ops.js';
import { changedTables, checksumOfAllTables } from '../helpers/checksum.js';
import { passesGuard, ResolverOperation, resolverOperations } from '../helpers/operation-permissions.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/** One seeded person per role in street A (see src/seed/demo-data.ts). */
const PEOPLE = ['13800000001', '13900000001', '13700000001', '13600000001', '13500000001', '13400000001', '13300000001', '13200000001', '13100000001'];

/** Calls that end the caller's own sessions: they would revoke the walker's tokens (covered by hardening-sessions). */
const ENDS_OWN_SESSION = new Set(['logout', 'logoutEverywhere', 'changePassword', 'revokeSession']);

/**
 * Issue 10, the matrix half of the harness: every role × every query and mutation × an in-scope and an
 * out-of-scope set of ids, checked against the permission matrix read from the resolvers' own `@Authorize`
 * metadata (the same reader as src/scope/permission.spec.ts). A person whose roles hold none of the operation's
 * permissions is refused by the guard (FORBIDDEN, reason ROLE_REQUIRED) whatever the ids, and nothing is written;
 * a holder always gets past the guard (any other answer: the service's own scope and input checks, which the id
 * walk in hardening-scope and the module tests cover). `npm test` walks each operation with a few drawn
 * (person, scope) pairs; `PERMISSION_WALK_BUDGET=18` (or `npm run test:attack`'s budget) walks all of them.
 */
describe('permission walk: every role × operation × scope against the matrix', () => {
  let t: TestApp;
  const seed = Number(process.env.ATTACK_SEED ?? 20261203);
  const budget = Math.min(PEOPLE.length * 2, Number(process.env.PERMISSION_WALK_BUDGET ?? process.env.ATTACK_BUDGET ?? 2));
  const tokens: Record<string, string> = {};
  const roles: Record<string, Role[]> = {};
  const ids: Record<'in' | 'out', Record<string, string>> = { in: {}, out: {} };

  beforeAll(async () => {
    t = await createTestApp();
    const rows: { phone: string; role: Role }[] = await t.db.query(
      `SELECT p.phone, g.role FROM persons p JOIN role_grants g ON g.person_id = p.id AND g.revoked_at IS NULL WHERE p.phone = ANY($1)`,
      [PEOPLE],
    );
    for (const phone of PEOPLE) {
      roles[phone] = rows.filter((r) => r.phone === phone).map((r) => r.role);
      tokens[phone] = await t.login(phone);
    }
    const one = async (sql: string, p: unknown[]) => ((await t.db.query(sql, p))[0]?.id as string | undefined) ?? '00000000-0000-4000-8000-000000000000';
    for (const [side, street] of [
      ['in', '320102002'],
      ['out', '320102003'],
    ] as const) {
      const region = (level: number) => one(`SELECT id FROM regions WHERE code LIKE $1 || '%' AND length(code) = $2 ORDER BY code LIMIT 1`, [street, level]);
      const grid = await region(14);
      ids[side] = {
        gridId: grid,
        communityId: await region(12),
        regionId: await region(12),
        streetId: await region(9),
        personId: await one(`SELECT p.id FROM persons p WHERE p.grid_id = $1 ORDER BY p.phone LIMIT 1`, [grid]),
        volunteerId: await one(`SELECT v.id FROM volunteers v JOIN regions r ON r.id = v.community_id WHERE r.code LIKE $1 || '%' ORDER BY v.id LIMIT 1`, [
          street,
        ]),
        organizationId: await one(`SELECT o.id FROM organizations o JOIN regions r ON r.id = o.region_id WHERE r.code LIKE $1 || '%' ORDER BY o.id LIMIT 1`, [
          street,
        ]),
        needId: await one(`SELECT n.id FROM needs n JOIN regions r ON r.id = n.grid_id WHERE r.code LIKE $1 || '%' ORDER BY n.id LIMIT 1`, [street]),
      };
    }
  });
  afterAll(() => t.close());

  it(
    `matches the matrix for every operation (seed ${seed}, ${budget} of ${PEOPLE.length * 2} person × scope pairs each)`,
    async () => {
      const random = rng(seed);
      const meta = new Map<string, ResolverOperation>((await resolverOperations()).map((o) => [`${o.kind.toLowerCase()}.${o.name}`, o]));
      const failures: string[] = [];
      const seenRoles = new Set<string>();
      let refused = 0;
      let passed = 0;
      let sums = await checksumOfAllTables(t.db);
      // Some queries open accounts on first read (a time account is created when first looked at): a mutation is
      // compared against the state just before it, not against what a query before it may have written.
      let stale = false;
      for (const op of operations(loadSchema())) {
        const m = meta.get(`${op.kind}.${op.field.name}`);
        if (!m) {
          failures.push(`${op.kind} ${op.field.name}: in the schema but no resolver metadata`);
          continue;
        }
        if (m.isPublic || ENDS_OWN_SESSION.has(op.field.name)) continue;
        const hasIds = idPaths(op.field).length > 0;
        // Every (person, scope) pair once, in a seeded order; the budget takes the first ones.
        const pairs = PEOPLE.flatMap((phone) => (['in', 'out'] as const).map((side) => ({ phone, side })));
        for (let i = pairs.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
        }
        for (const { phone, side } of pairs.slice(0, hasIds ? budget : Math.ceil(budget / 2))) {
          const known = ids[side];
          const vars: Record<string, unknown> = {};
          for (const a of op.field.args) {
            const v = plausible(a.type, a.name, (name) => known[name] ?? (/region|community|grid/i.test(name) ? known.regionId : known.personId));
            if (v !== undefined) vars[a.name] = v;
          }
          for (const p of idPaths(op.field)) {
            const name = p.path[p.path.length - 1];
            const id = known[name] ?? (name === 'id' ? known.needId : /region|community|grid/i.test(name) ? known.regionId : known.personId);
            if (p.required) setPath(vars, p.path, p.list ? [id] : id);
          }
          if (op.kind === 'mutation' && stale) {
            sums = await checksumOfAllTables(t.db);
            stale = false;
          }
          const res = await t.gql(operationText(op), vars, tokens[phone]);
          if (op.kind !== 'mutation') stale = true;
          const err = res.errors?.[0];
          const byGuard = err?.extensions?.code === 'FORBIDDEN' && err.extensions?.reason === 'ROLE_REQUIRED';
          const expected = passesGuard(m.permissions, roles[phone]);
          const who = `${op.field.name} as ${roles[phone].join('+')} (${phone}), ${side} of scope`;
          if (expected && byGuard) failures.push(`${who}: refused by the guard, but the matrix grants ${JSON.stringify(m.permissions ?? [])}`);
          if (!expected && !byGuard)
            failures.push(
              `${who}: ${err ? `${err.extensions?.code}/${err.extensions?.reason}` : 'answered'}, but the matrix refuses ${JSON.stringify(m.permissions)}`,
            );
          if (expected) passed++;
          else refused++;
          for (const r of roles[phone]) seenRoles.add(r);
          if (op.kind === 'mutation') {
            const after = await checksumOfAllTables(t.db);
            const changed = changedTables(sums, after);
            if (!expected && changed.length) failures.push(`${who}: refused by the guard but wrote ${changed.join(', ')}`);
            sums = after;
          }
        }
      }
      if (failures.length) process.stderr.write(`permission walk failed; replay with ATTACK_SEED=${seed} PERMISSION_WALK_BUDGET=${budget}\n`);
      expect(failures).toEqual([]);
      // The walk really exercised both answers of the guard, for every role of the demo data.
      expect(refused).toBeGreaterThan(20);
      expect(passed).toBeGreaterThan(20);
      expect([...seenRoles].sort()).toEqual([...new Set(Object.values(roles).flat())].sort());
    },
    // About a minute per (person, scope) pair on a loaded machine: the full walk (18) may take a quarter of an hour.
    120_000 + 60_000 * budget,
  );
});
