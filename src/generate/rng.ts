import { createHash } from 'node:crypto';

/**
 * Determinism from one seed: ids are MD5(seed:kind:n) as a UUID, the same in JS and in SQL (`pg_temp.uid`), and
 * every draw is a function of (seed, salt, n) — `pg_temp.rnd` in SQL, `Rng` (sfc32 seeded from the seed) in JS.
 */
export function uid(seed: number, kind: string, n: number | string): string {
  const h = createHash('md5').update(`${seed}:${kind}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The SQL twins of uid() and of a uniform draw in [0, 1), as session functions of the generator's connection. The
 * explicit `::text` casts keep every step immutable (`text || int` is only stable), so that PostgreSQL inlines both into
 * the calling statement instead of running a function call per draw — the needs phase makes ~50 draws per need.
 */
export function sqlFunctions(seed: number): string[] {
  return [
    `CREATE OR REPLACE FUNCTION pg_temp.uid(kind text, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS
       $$ SELECT md5('${seed}:' || kind || ':' || n::text)::uuid $$`,
    `CREATE OR REPLACE FUNCTION pg_temp.rnd(salt int, n bigint) RETURNS float8 LANGUAGE sql IMMUTABLE AS
       $$ SELECT ('x' || substr(md5('${seed}/' || salt::text || '/' || n::text), 1, 12))::bit(48)::bigint / 281474976710656.0 $$`,
  ];
}

/** sfc32 seeded from SHA-256(seed#stream): fast, 32-bit, good enough for synthetic data. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number, stream: string) {
    const h = createHash('sha256').update(`${seed}#${stream}`).digest();
    [this.a, this.b, this.c, this.d] = [h.readUInt32LE(0), h.readUInt32LE(4), h.readUInt32LE(8), h.readUInt32LE(12) | 1];
    for (let i = 0; i < 12; i++) this.next();
  }
  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
}
