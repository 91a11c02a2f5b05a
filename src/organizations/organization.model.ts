import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum OrganizationCategory {
  LIFE_SERVICE = 'LIFE_SERVICE',
  PUBLIC_WELFARE = 'PUBLIC_WELFARE',
  ASSISTANCE = 'ASSISTANCE',
  MUTUAL_AID = 'MUTUAL_AID',
  CULTURE_SPORTS = 'CULTURE_SPORTS',
  MEDIATION = 'MEDIATION',
  COMMUNITY_AFFAIRS = 'COMMUNITY_AFFAIRS',
  RURAL_REVITALIZATION = 'RURAL_REVITALIZATION',
}

registerEnumType(OrganizationCategory, {
  name: 'OrganizationCategory',
  valuesMap: {
    LIFE_SERVICE: { description: '生活服务类' },
    PUBLIC_WELFARE: { description: '公益慈善类' },
    ASSISTANCE: { description: '救助帮扶类' },
    MUTUAL_AID: { description: '居民互助类 / 邻里互助类' },
    CULTURE_SPORTS: { description: '文体活动类' },
    MEDIATION: { description: '专业调处类' },
    COMMUNITY_AFFAIRS: { description: '社区事务类' },
    RURAL_REVITALIZATION: { description: '乡村振兴类' },
  },
});

export enum OrganizationRegistration {
  REGISTERED = 'REGISTERED',
  FILED = 'FILED',
}

registerEnumType(OrganizationRegistration, {
  name: 'OrganizationRegistration',
  valuesMap: {
    REGISTERED: { description: '登记 (with the civil affairs bureau)' },
    FILED: { description: '备案 (community-based organization filed with the street)' },
  },
});

export enum OrganizationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
}

registerEnumType(OrganizationStatus, {
  name: 'OrganizationStatus',
  valuesMap: {
    PENDING: { description: '待审核' },
    APPROVED: { description: '已通过' },
    REJECTED: { description: '未通过' },
    SUSPENDED: { description: '已暂停' },
  },
});

@ObjectType('Organization', { description: '社会组织' })
export class Organization {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: '统一社会信用代码 (GB 32100-2015)' }) creditCode: string;
  @Field(() => OrganizationCategory) category: OrganizationCategory;
  @Field(() => OrganizationRegistration) registration: OrganizationRegistration;
  @Field(() => OrganizationStatus) status: OrganizationStatus;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true }) address: string | null;
  @Field(() => String, { nullable: true, description: 'Reason of the last rejection or suspension' }) statusReason: string | null;
  @Field(() => Date) createdAt: Date;
  regionId: string;
  path: string;
  registeredBy: string;
}

@ObjectType('OrganizationMember', { description: '组织成员; admins hold ORG_ADMIN scoped to the organization' })
export class OrganizationMember {
  @Field() isAdmin: boolean;
  @Field(() => Date) addedAt: Date;
  organizationId: string;
  personId: string;
}

@ObjectType('OrganizationCategoryCount', { description: 'Approved organizations of one category in a region (statistics)' })
export class OrganizationCategoryCount {
  @Field(() => OrganizationCategory) category: OrganizationCategory;
  @Field(() => Int) count: number;
}
