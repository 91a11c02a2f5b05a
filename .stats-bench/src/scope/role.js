import { registerEnumType } from '@nestjs/graphql';
export var Role;
(function (Role) {
    Role["RESIDENT"] = "RESIDENT";
    Role["VOLUNTEER"] = "VOLUNTEER";
    Role["GRID_WORKER"] = "GRID_WORKER";
    Role["COMMUNITY_WORKER"] = "COMMUNITY_WORKER";
    Role["SOCIAL_WORKER"] = "SOCIAL_WORKER";
    Role["ORG_ADMIN"] = "ORG_ADMIN";
    Role["CHARITY_ADMIN"] = "CHARITY_ADMIN";
    Role["STREET_ADMIN"] = "STREET_ADMIN";
    Role["SYSTEM_ADMIN"] = "SYSTEM_ADMIN";
})(Role || (Role = {}));
registerEnumType(Role, {
    name: 'Role',
    description: '角色 — every role is granted in a scope (a region node or an organization), DESIGN.md §3',
    valuesMap: {
        RESIDENT: { description: '居民' },
        VOLUNTEER: { description: '志愿者' },
        GRID_WORKER: { description: '网格员' },
        COMMUNITY_WORKER: { description: '社区工作者' },
        SOCIAL_WORKER: { description: '社工 (街道社工站)' },
        ORG_ADMIN: { description: '社会组织管理员' },
        CHARITY_ADMIN: { description: '慈善管理员' },
        STREET_ADMIN: { description: '街道管理员' },
        SYSTEM_ADMIN: { description: '系统管理员' },
    },
});
/** Staff who work on residents' affairs in their region and may see their names and phones in full. */
export const CASE_STAFF = [
    Role.GRID_WORKER,
    Role.COMMUNITY_WORKER,
    Role.SOCIAL_WORKER,
    Role.STREET_ADMIN,
    Role.SYSTEM_ADMIN,
];
//# sourceMappingURL=role.js.map