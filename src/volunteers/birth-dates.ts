import { EntityManager } from 'typeorm';
import { PeopleRepository } from '../people/people.repository.js';

/** Adds each row's person's birth date (YYYY-MM-DD or null), read through the people module's repository. */
export async function withBirthDates<T extends { person_id: string }>(
  people: PeopleRepository,
  m: EntityManager,
  rows: T[],
): Promise<(T & { birth_date: string | null })[]> {
  const persons = rows.length ? await people.byIds([...new Set(rows.map((r) => r.person_id))], m) : [];
  const births = new Map(persons.map((p) => [p.id, p.birth_date]));
  return rows.map((r) => ({ ...r, birth_date: births.get(r.person_id) ?? null }));
}
