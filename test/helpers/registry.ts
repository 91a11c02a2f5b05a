import { idCheckChar } from '../../src/privacy/id-number.js';
import { TestApp } from './test-app.js';

/** A valid 18-digit ID number for a 玄武区 resident born on `birth` (YYYYMMDD), with sequence `seq` (3 digits). */
export function idNumberFor(birth: string, seq: string): string {
  const first17 = `320102${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

/** Same ID number with a wrong check character. */
export function withBadCheckDigit(id: string): string {
  const good = id[17];
  const bad = '0123456789X'.split('').find((c) => c !== good)!;
  return id.slice(0, 17) + bad;
}

export async function regionId(t: TestApp, code: string): Promise<string> {
  const rows = await t.db.query(`SELECT id FROM regions WHERE code = $1`, [code]);
  return rows[0].id;
}

export async function personId(t: TestApp, phone: string): Promise<string> {
  const rows = await t.db.query(`SELECT id FROM persons WHERE phone = $1`, [phone]);
  return rows[0].id;
}

export async function volunteerId(t: TestApp, phone: string): Promise<string> {
  const rows = await t.db.query(`SELECT v.id FROM volunteers v JOIN persons p ON p.id = v.person_id WHERE p.phone = $1`, [phone]);
  return rows[0].id;
}

let counter = 0;
/** Registers a new resident in grid A1g1 (optionally with an ID number) and returns their token and phone. */
export async function newResident(t: TestApp, opts: { idNumber?: string; grid?: string } = {}): Promise<{ token: string; phone: string; id: string }> {
  counter++;
  const phone = `1870${String(process.pid % 1000).padStart(3, '0')}${String(counter).padStart(4, '0')}`;
  const res = await t.gql(`mutation ($i: RegisterResidentInput!) { registerResident(input: $i) { accessToken me { id } } }`, {
    i: { name: '测试居民', phone, password: 'test-pass-123', gridId: await regionId(t, opts.grid ?? '32010200200101'), idNumber: opts.idNumber },
  });
  if (!res.data?.registerResident) throw new Error(`registerResident failed: ${JSON.stringify(res.errors)}`);
  return { token: res.data.registerResident.accessToken, phone, id: res.data.registerResident.me.id };
}
