import { registerEnumType } from '@nestjs/graphql';
export var RegionLevel;
(function (RegionLevel) {
    RegionLevel["PROVINCE"] = "PROVINCE";
    RegionLevel["CITY"] = "CITY";
    RegionLevel["DISTRICT"] = "DISTRICT";
    RegionLevel["STREET"] = "STREET";
    RegionLevel["COMMUNITY"] = "COMMUNITY";
    RegionLevel["GRID"] = "GRID";
})(RegionLevel || (RegionLevel = {}));
export const LEVEL_ORDER = [
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
/**
 * The 12-digit statistical division code 统计用区划代码 (2+2+2+3+3) of a node stored by its significant digits:
 * 江苏省 `32` → `320000000000`, a street `320102002` → `320102002000`; communities are 12 digits already and
 * grids keep their 14.
 */
export function statisticalCode(stored) {
    return stored.length < 12 ? stored.padEnd(12, '0') : stored;
}
//# sourceMappingURL=region-level.js.map