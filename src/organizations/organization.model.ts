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
  description: '社会组织类别 organization category (community social organizations)',
  valuesMap: {
    LIFE_SERVICE: { description: '生活服务类 life services' },
    PUBLIC_WELFARE: { description: '公益慈善类 public welfare and charity' },
    ASSISTANCE: { description: '救助帮扶类 assistance and relief' },
    MUTUAL_AID: { description: '居民互助类 / 邻里互助类 neighbourhood mutual aid' },
    CULTURE_SPORTS: { description: '文体活动类 culture and sports' },
    MEDIATION: { description: '专业调处类 professional mediation' },
    COMMUNITY_AFFAIRS: { description: '社区事务类 community affairs' },
    RURAL_REVITALIZATION: { description: '乡村振兴类 rural revitalization' },
  },
});

export enum OrganizationRegistration {
  REGISTERED = 'REGISTERED',
  FILED = 'FILED',
}

registerEnumType(OrganizationRegistration, {
  name: 'OrganizationRegistration',
  description: '登记方式 how the organization is registered',
  valuesMap: {
    REGISTERED: { description: '登记 registered with the civil affairs bureau' },
    FILED: { description: '备案 community-based organization filed with the street' },
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
  description: '社会组织审核状态 organization status',
  valuesMap: {
    PENDING: { description: '待审核 pending: waiting for the street admin' },
    APPROVED: { description: '已通过 approved: its admins hold ORG_ADMIN' },
    REJECTED: { description: '未通过 rejected, with a reason' },
    SUSPENDED: { description: '已暂停 suspended: its admins’ ORG_ADMIN grants are revoked' },
  },
});

@ObjectType('Organization', {
  description:
    '社会组织 social organization: approved ones are visible to any logged-in user; others to their registrant, their admins and community staff and up in scope',
})
export class Organization {
  @Field(() => ID, { description: '社会组织 ID' }) id: string;
  @Field({ description: '组织名称 name' }) name: string;
  @Field({ description: '统一社会信用代码 unified social credit code, 18 characters (GB 32100-2015)' }) creditCode: string;
  @Field(() => OrganizationCategory, { description: '类别 category' }) category: OrganizationCategory;
  @Field(() => OrganizationRegistration, { description: '登记方式 registration' }) registration: OrganizationRegistration;
  @Field(() => OrganizationStatus, { description: '审核状态 status' }) status: OrganizationStatus;
  @Field(() => String, { nullable: true, description: '简介 description; null = none' }) description: string | null;
  @Field(() => String, { nullable: true, description: '地址 address; null = none' }) address: string | null;
  @Field(() => String, { nullable: true, description: '状态原因 reason of the last rejection or suspension; null = none' }) statusReason: string | null;
  @Field(() => Date, { description: '登记时间 registered at, DateTime (ISO 8601, UTC)' }) createdAt: Date;
  regionId: string;
  path: string;
  registeredBy: string;
}

@ObjectType('OrganizationMember', { description: '组织成员 organization member; admins hold ORG_ADMIN scoped to the organization' })
export class OrganizationMember {
  @Field({ description: '管理员 organization admin' }) isAdmin: boolean;
  @Field(() => Date, { description: '加入时间 added at, DateTime (ISO 8601, UTC)' }) addedAt: Date;
  organizationId: string;
  personId: string;
}

@ObjectType('OrganizationCategoryCount', { description: '分类统计 approved organizations of one category in a region (statistics)' })
export class OrganizationCategoryCount {
  @Field(() => OrganizationCategory, { description: '类别 category' }) category: OrganizationCategory;
  @Field(() => Int, { description: '数量 number of approved organizations' }) count: number;
}
