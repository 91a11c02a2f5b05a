import { EntityManager } from 'typeorm';

/**
 * Statistics demo (docs/statistics.md): the region attributes the seed indicators need — populations, urban/rural,
 * volunteer stations, the one-window categories each community's workers cover — and 孙丽's social-work
 * qualification. Idempotent: a region or person already described is left as it is.
 */
export async function seedDemoStats(m: EntityManager): Promise<void> {
  const all = [
    'ELDERLY_CARE',
    'DISABILITY_SUPPORT',
    'CHILD_CARE',
    'SOCIAL_ASSISTANCE',
    'EMPLOYMENT',
    'MEDICAL_INSURANCE',
    'HOUSING',
    'LEGAL_AID',
    'CIVIL_AFFAIRS',
  ];
  const communities: [string, number, number, number, boolean, string[]][] = [
    // code, registered, resident, aged 60+, volunteer station (besides the stations table), covered categories
    ['320102002001', 8200, 9600, 2300, true, all],
    ['320102002002', 6100, 7000, 1900, false, all.slice(0, 6)],
    ['320102003001', 5400, 6300, 1500, true, all],
    ['320102003002', 4800, 5200, 1200, false, all.slice(0, 4)],
  ];
  for (const [code, registered, resident, elderly, station, covered] of communities) {
    await m.query(
      `INSERT INTO stats_region_attributes (region_id, registered_population, resident_population, elderly_population, kind, has_volunteer_station, covered_categories)
       SELECT id, $2, $3, $4, 'URBAN', $5, $6 FROM regions WHERE code = $1 ON CONFLICT (region_id) DO NOTHING`,
      [code, registered, resident, elderly, station, covered],
    );
  }
  // Street and district: urban, with the per-region targets the plan sets.
  for (const code of ['320102002', '320102003', '320102']) {
    await m.query(
      `INSERT INTO stats_region_attributes (region_id, kind, social_workers_per_10k_target, certified_worker_share_target)
       SELECT id, 'URBAN', 5, 0.6 FROM regions WHERE code = $1 ON CONFLICT (region_id) DO NOTHING`,
      [code],
    );
  }
  await m.query(
    `INSERT INTO stats_worker_qualifications (person_id, qualified, certificate_no) SELECT id, true, 'SW-2024-0318' FROM persons WHERE phone = '13600000001'
     ON CONFLICT (person_id) DO NOTHING`,
  );
}
