import type { DataSource } from 'typeorm';

/**
 * A realistic city-sized registry on top of the demo data: `communities` more communities (one grid each) under the
 * demo streets, and `count` approved volunteers spread over every grid (about 250 per community, as in a real
 * district), each with two skills, three weekly slots, a location around Nanjing and a birth date. Built with
 * set-based SQL so that 30 000 volunteers take seconds, then ANALYZEd.
 */
export async function addSyntheticVolunteers(db: DataSource, count: number, communities = 120): Promise<void> {
  await db.query(
    `INSERT INTO regions (code, name, level, parent_id, path)
     SELECT s.code || lpad(g::text, 3, '0'), '合成社区' || g, 'COMMUNITY', s.id, (s.path::text || '.' || s.code || lpad(g::text, 3, '0'))::ltree
       FROM generate_series(100, 99 + $1) g
       JOIN LATERAL (SELECT id, code, path FROM regions WHERE level = 'STREET' ORDER BY code OFFSET (g % (SELECT count(*) FROM regions WHERE level = 'STREET')) LIMIT 1) s ON true`,
    [communities],
  );
  await db.query(
    `INSERT INTO regions (code, name, level, parent_id, path)
     SELECT c.code || '01', c.name || '第一网格', 'GRID', c.id, (c.path::text || '.' || c.code || '01')::ltree FROM regions c WHERE c.name LIKE '合成社区%'`,
  );
  await db.query(
    `INSERT INTO persons (name, phone, birth_date, grid_id)
     SELECT '志愿者' || g, '15' || lpad(g::text, 9, '0'), date '1950-01-01' + ((g * 7919) % 20000),
            (SELECT id FROM regions WHERE level = 'GRID' ORDER BY id OFFSET (g % (SELECT count(*) FROM regions WHERE level = 'GRID')) LIMIT 1)
       FROM generate_series(1, $1) g`,
    [count],
  );
  await db.query(
    `INSERT INTO volunteers (person_id, community_id, status, is_vetted, latitude, longitude)
     SELECT p.id, c.id, 'APPROVED', (row_number() OVER ()) % 3 = 0,
            31.9 + ((hashtext(p.phone) & 65535) / 65535.0) * 0.3, 118.65 + ((hashtext(p.phone || 'x') & 65535) / 65535.0) * 0.35
       FROM persons p JOIN regions g ON g.id = p.grid_id JOIN regions c ON c.id = g.parent_id
      WHERE p.phone LIKE '15%'`,
  );
  await db.query(
    `INSERT INTO volunteer_regions (volunteer_id, region_id, path)
     SELECT v.id, v.community_id, r.path FROM volunteers v JOIN regions r ON r.id = v.community_id JOIN persons p ON p.id = v.person_id WHERE p.phone LIKE '15%'`,
  );
  await db.query(
    `INSERT INTO volunteer_skills (volunteer_id, skill)
     SELECT DISTINCT v.id, s.name FROM volunteers v JOIN persons p ON p.id = v.person_id
       CROSS JOIN LATERAL (SELECT name FROM skills ORDER BY (hashtext(name || v.id::text)) LIMIT 2) s
      WHERE p.phone LIKE '15%'`,
  );
  await db.query(
    `INSERT INTO volunteer_availability (volunteer_id, weekday, start_minute, end_minute)
     SELECT DISTINCT ON (v.id, d.weekday) v.id, d.weekday, d.start_minute, d.start_minute + 240
       FROM volunteers v JOIN persons p ON p.id = v.person_id
       CROSS JOIN LATERAL (SELECT 1 + ((abs(hashtext(v.id::text || k)) % 7)) AS weekday, 480 + 60 * (abs(hashtext(k || v.id::text)) % 8) AS start_minute
                             FROM unnest(ARRAY['a','b','c']) k) d
      WHERE p.phone LIKE '15%'`,
  );
  await db.query(`INSERT INTO volunteer_stats (volunteer_id) SELECT v.id FROM volunteers v ON CONFLICT DO NOTHING`);
  for (const t of ['persons', 'volunteers', 'volunteer_regions', 'volunteer_skills', 'volunteer_availability', 'volunteer_stats', 'needs'])
    await db.query(`ANALYZE ${t}`);
}
