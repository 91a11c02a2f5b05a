import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  RESIDENT = 'RESIDENT',
  VOLUNTEER = 'VOLUNTEER',
  GRID_WORKER = 'GRID_WORKER',
  COMMUNITY_WORKER = 'COMMUNITY_WORKER',
  SOCIAL_WORKER = 'SOCIAL_WORKER',
  ORG_ADMIN = 'ORG_ADMIN',
  CHARITY_ADMIN = 'CHARITY_ADMIN',
  STREET_ADMIN = 'STREET_ADMIN',
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  description: '角色 — every role is granted in a scope (a region node or an organization), docs/design.md §3',
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
