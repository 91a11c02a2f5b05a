import type { DataSource, EntityManager } from 'typeorm';
import type { BareServer } from './bare.js';
import type { Step } from './client.js';
import { ledgerTransfers } from './ledger-transfer.js';
import { claimConfirmCycle } from './write-cycle.js';

/** What a case gets to set itself up: the app (GraphQL over HTTP), the database, the bare server, and who plays whom. */
export interface BenchContext {
  // Function-valued properties (not methods): cases destructure them out of the context.
  gql: (query: string, variables?: Record<string, unknown>, token?: string) => Promise<any>;
  login: (phone: string) => Promise<string>;
  db: DataSource;
  bare: BareServer;
  appUrl: string;
  cast: Cast;
}

/** The people and records the read cases use: the demo accounts, or in a generated city the busiest community's. */
export interface Cast {
  staffPhone: string;
  volunteerPhone: string;
  residentId: string;
  needId: string;
  regionId: string;
}

/** A read hot path: one GraphQL request, compared with the same statements replayed through bare `pg`. */
export interface ReadCase {
  kind: 'read';
  name: string;
  /** Also measured with a single client (the city-scale latency goals). */
  singleClient?: boolean;
  prepare(ctx: BenchContext): Promise<{ query: string; variables?: Record<string, unknown>; token?: string }>;
}

/**
 * A write path: each side gets its own steps (one iteration = all steps) and, per worker, the values that fill
 * the steps' `$KEY` placeholders, one entry per iteration (writes cannot repeat on the same row).
 */
export interface WriteCase {
  kind: 'write';
  name: string;
  concurrency?: number;
  /** Each worker cycles through its entries instead of using each once; a `$SEQ` placeholder keeps every iteration unique. */
  cycle?: boolean;
  /** Also measured with the same clients through the app (e.g. `{ __typename }`), for the app/reference ratio. */
  reference?: { name: string; query: string };
  /** Goals printed as met or missed: iterations/s of the app, and its ratios to the bare side and to the reference. */
  goals?: { perSecond?: number; ofBare?: number; ofReference?: number };
  /** Also measured through the app with these fewer clients (same per-worker values), to show how throughput grows. */
  scaling?: number[];
  /** Invariants after the run: a one-line summary and the problems found (none: passed). */
  check?(ctx: BenchContext): Promise<{ summary: string; problems: string[] }>;
  prepare(
    ctx: BenchContext,
    workers: number,
    perWorker: number,
  ): Promise<{ app: { steps: Step[]; perWorker: Record<string, string>[][] }; bare: { steps: Step[]; perWorker: Record<string, string>[][] } }>;
}

export type BenchCase = ReadCase | WriteCase;

const month = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

/** Every hot path `npm run bench` measures; add a case (a file of its own, like ledger-transfer.ts) with one line here. */
export const benchmarks: BenchCase[] = [
  {
    kind: 'read',
    name: 'me',
    async prepare({ login, cast }) {
      return { query: `{ me { id name phone roles { role scopeName } volunteer { status skills } } }`, token: await login(cast.volunteerPhone) };
    },
  },
  {
    kind: 'read',
    name: 'person(id), ID number read logged',
    async prepare({ login, cast }) {
      return { query: `query ($id: ID!) { person(id: $id) { name phone idNumber } }`, variables: { id: cast.residentId }, token: await login(cast.staffPhone) };
    },
  },
  {
    kind: 'read',
    name: 'feed openNeedsForMe(first: 20)',
    singleClient: true,
    async prepare({ login, cast }) {
      return {
        query: `{ openNeedsForMe(first: 20) { totalCount edges { node { id title category windowStart } } } }`,
        token: await login(cast.volunteerPhone),
      };
    },
  },
  {
    kind: 'read',
    name: 'matchCandidates(needId, first: 10)',
    singleClient: true,
    async prepare({ login, cast }) {
      return {
        query: `query ($id: ID!) { matchCandidates(needId: $id) { score reasons volunteer { id } } }`,
        variables: { id: cast.needId },
        token: await login(cast.staffPhone),
      };
    },
  },
  {
    kind: 'read',
    name: 'statement: myAccount, month + 20 entries',
    async prepare({ login, cast }) {
      return {
        query: `query ($m: String!) { myAccount { balanceMinutes statement(month: $m) { openingBalanceMinutes creditMinutes debitMinutes closingBalanceMinutes }
                  entries(first: 20) { edges { node { kind amountMinutes balanceAfterMinutes counterparty at } } } } }`,
        variables: { m: month() },
        token: await login(cast.volunteerPhone),
      };
    },
  },
  {
    kind: 'read',
    name: 'need(id) with history',
    async prepare({ login, cast }) {
      return {
        query: `query ($id: ID!) { need(id: $id) { id title status category windowStart beneficiary { name } history { action from to at actor { name } } } }`,
        variables: { id: cast.needId },
        token: await login(cast.staffPhone),
      };
    },
  },
  {
    kind: 'read',
    name: 'needs(first: 20) list, staff',
    async prepare({ login, cast }) {
      return {
        query: `{ needs(first: 20) { edges { node { id title status urgency windowStart beneficiary { name } } } } }`,
        token: await login(cast.staffPhone),
      };
    },
  },
  claimConfirmCycle,
  ledgerTransfers,
];

/** Who plays whom: the demo accounts on the demo data; in a generated city, the community with the most open needs ahead. */
export async function castFor(db: DataSource, generated: boolean): Promise<Cast> {
  if (generated) {
    // Choosing the cast scans the city's needs once (a minute on a cold cache): not a hot path, so not held to the
    // app's statement timeout.
    return db.transaction(async (m) => {
      await m.query(`SET LOCAL statement_timeout = 0`);
      return castInCity(m);
    });
  }
  {
    const id = async (sql: string) => (await db.query(sql))[0].id;
    return {
      staffPhone: '13600000001',
      volunteerPhone: '13900000001',
      residentId: await id(`SELECT id FROM persons WHERE phone = '13800000001'`),
      needId: await id(`SELECT id FROM needs WHERE status = 'OPEN' ORDER BY created_at LIMIT 1`),
      regionId: await id(`SELECT id FROM regions WHERE code = '320102002'`),
    };
  }
}

async function castInCity(db: EntityManager): Promise<Cast> {
  const [c] = await db.query(
    `SELECT g.parent_id AS community_id, count(*) AS n FROM needs n JOIN regions g ON g.id = n.grid_id
      WHERE n.status = 'OPEN' AND n.window_start > now() AND g.code LIKE '320%' AND length(g.code) = 14 AND substr(g.code, 7, 3) >= '101'
      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
  );
  const [staff] = await db.query(
    `SELECT p.phone FROM role_grants r JOIN persons p ON p.id = r.person_id WHERE r.role = 'COMMUNITY_WORKER' AND r.region_id = $1 LIMIT 1`,
    [c.community_id],
  );
  // The volunteer of the community whose feed is the largest (most open needs needing a skill they hold).
  const [vol] = await db.query(
    `SELECT p.phone FROM volunteers v JOIN persons p ON p.id = v.person_id
      WHERE v.community_id = $1 AND v.status = 'APPROVED'
      ORDER BY (SELECT count(*) FROM needs n JOIN regions g ON g.id = n.grid_id
                 WHERE g.parent_id = $1 AND n.status = 'OPEN' AND n.window_start > now()
                   AND (cardinality(n.required_skills) = 0 OR n.required_skills && (SELECT array_agg(skill) FROM volunteer_skills s WHERE s.volunteer_id = v.id))) DESC, v.id
      LIMIT 1`,
    [c.community_id],
  );
  const [need] = await db.query(
    `SELECT n.id FROM needs n JOIN regions g ON g.id = n.grid_id WHERE g.parent_id = $1 AND n.status = 'OPEN' AND n.window_start > now()
      ORDER BY (SELECT count(*) FROM volunteer_skills s WHERE s.skill = ANY(n.required_skills)) DESC, n.id LIMIT 1`,
    [c.community_id],
  );
  const [resident] = await db.query(`SELECT n.beneficiary_id AS id FROM needs n WHERE n.id = $1`, [need.id]);
  const [region] = await db.query(`SELECT parent_id AS id FROM regions WHERE id = $1`, [c.community_id]);
  return { staffPhone: staff.phone, volunteerPhone: vol.phone, residentId: resident.id, needId: need.id, regionId: region.id };
}
