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
  description: '区划层级 region level：省 › 市 › 区县 › 街道乡镇 › 社区村 › 网格',
  valuesMap: {
    PROVINCE: { description: '省' },
    CITY: { description: '市' },
    DISTRICT: { description: '区县' },
    STREET: { description: '街道乡镇' },
    COMMUNITY: { description: '社区村' },
    GRID: { description: '网格' },
  },
});

/**
 * The 12-digit statistical division code 统计用区划代码 (2+2+2+3+3) of a node stored by its significant digits:
 * 江苏省 `32` → `320000000000`, a street `320102002` → `320102002000`; communities are 12 digits already and
 * grids keep their 14.
 */
export function statisticalCode(stored: string): string {
  return stored.length < 12 ? stored.padEnd(12, '0') : stored;
}
