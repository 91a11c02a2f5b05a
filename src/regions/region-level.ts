import { registerEnumType } from '@nestjs/graphql';

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  STREET = 'STREET',
  COMMUNITY = 'COMMUNITY',
  GRID = 'GRID',
}

export const LEVEL_ORDER: readonly RegionLevel[] = [
  RegionLevel.PROVINCE,
  RegionLevel.CITY,
  RegionLevel.DISTRICT,
  RegionLevel.STREET,
  RegionLevel.COMMUNITY,
  RegionLevel.GRID,
];

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  valuesMap: {
    PROVINCE: { description: '省' },
    CITY: { description: '市' },
    DISTRICT: { description: '区县' },
    STREET: { description: '街道乡镇' },
    COMMUNITY: { description: '社区村' },
    GRID: { description: '网格' },
  },
});
