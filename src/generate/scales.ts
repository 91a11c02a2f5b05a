/**
 * Sizes of a generated city (docs/city-scale.md). `city` is one city at the size the service is built
 * for over three years; `full` adds the years up to §15's 5 M needs and 50 M postings; `district` is one district of
 * it, small enough for CI (a minute or two) and the bench's default city-scale run.
 */
export interface Scale {
  name: 'district' | 'city' | 'full';
  districts: number;
  streetsPerDistrict: number;
  communitiesPerStreet: number;
  gridsPerCommunity: number;
  /** Registered residents (volunteers included). */
  residents: number;
  volunteers: number;
  organizationsPerStreet: number;
  socialWorkersPerStreet: number;
  needs: number;
  /** Ledger postings to reach, about (EARNs of confirmed needs first, then transfers, donations, grants and spends). */
  postings: number;
  /** Resident population 常住人口 of the city, spread over the grids. */
  population: number;
}

export const SCALES: Record<Scale['name'], Scale> = {
  district: {
    name: 'district',
    districts: 1,
    streetsPerDistrict: 12,
    communitiesPerStreet: 14,
    gridsPerCommunity: 5,
    residents: 20_000,
    volunteers: 5_000,
    organizationsPerStreet: 6,
    socialWorkersPerStreet: 3,
    needs: 40_000,
    postings: 200_000,
    population: 800_000,
  },
  city: {
    name: 'city',
    districts: 12,
    streetsPerDistrict: 12,
    communitiesPerStreet: 14,
    gridsPerCommunity: 5,
    residents: 1_000_000,
    volunteers: 200_000,
    organizationsPerStreet: 27,
    socialWorkersPerStreet: 10,
    needs: 2_000_000,
    postings: 20_000_000,
    population: 10_000_000,
  },
  full: {
    name: 'full',
    districts: 12,
    streetsPerDistrict: 12,
    communitiesPerStreet: 14,
    gridsPerCommunity: 5,
    residents: 1_000_000,
    volunteers: 200_000,
    organizationsPerStreet: 27,
    socialWorkersPerStreet: 10,
    needs: 5_000_000,
    postings: 50_000_000,
    population: 10_000_000,
  },
};

/** 南京市's districts (and a twelfth, 江北新区), codes under 3201 as on ID cards. */
export const DISTRICTS: [string, string][] = [
  ['320102', '玄武区'],
  ['320104', '秦淮区'],
  ['320105', '建邺区'],
  ['320106', '鼓楼区'],
  ['320111', '浦口区'],
  ['320113', '栖霞区'],
  ['320114', '雨花台区'],
  ['320115', '江宁区'],
  ['320116', '六合区'],
  ['320117', '溧水区'],
  ['320118', '高淳区'],
  ['320119', '江北新区'],
];
