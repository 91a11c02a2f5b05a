import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum VolunteerStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
}

registerEnumType(VolunteerStatus, {
  name: 'VolunteerStatus',
  description: '志愿者审核状态 volunteer status',
  valuesMap: {
    PENDING: { description: '待审核 pending: registered, waiting for a community worker' },
    APPROVED: { description: '已通过 approved: holds the VOLUNTEER role and a volunteer number' },
    REJECTED: { description: '未通过 rejected, with a reason' },
    SUSPENDED: { description: '已暂停 suspended: the VOLUNTEER role is revoked until reinstated' },
  },
});

@ObjectType('Volunteer', {
  description:
    '社区志愿者 volunteer profile: seen by the volunteer, by case staff whose scope holds their community, and (approved ones) by volunteers and organization admins of the same area',
})
export class Volunteer {
  @Field(() => ID, { description: '志愿者 ID (not the Person id)' }) id: string;
  @Field(() => VolunteerStatus, { description: '审核状态 status' }) status: VolunteerStatus;
  @Field(() => String, {
    nullable: true,
    description: '志愿者编号 volunteer number, assigned on approval; null before (and for match candidates shown to staff out of scope)',
  })
  volunteerNo: string | null;
  @Field({ description: '党员 member of the Communist Party of China (党员志愿者)' }) isPartyMember: boolean;
  @Field({ description: '已背景审查 vetted for children and home-entry services' }) isVetted: boolean;
  @Field(() => [String], { description: '技能 skills from the seeded list (Chinese names)' }) skills: string[];
  @Field(() => Int, { description: '累计服务时长 minutes of confirmed service (the time bank’s EARN total)' }) verifiedMinutes: number;
  @Field(() => Int, { description: '星级 star level 0–5 from verified hours (docs/design.md §6.4)' }) starLevel: number;
  @Field(() => Float, { description: '可靠度 reliability 0–1: completions vs no-shows and withdrawals, and ratings' }) reliability: number;
  @Field(() => Int, { description: '完成次数 needs completed (confirmed)' }) completedCount: number;
  @Field(() => Int, { description: '爽约次数 no-shows: claimed needs not served' }) noShowCount: number;
  @Field(() => Date, { description: '登记时间 registered at, DateTime (ISO 8601, UTC)' }) createdAt: Date;
  personId: string;
  communityId: string;
  communityPath: string;
  emergencyContactName: string | null;
  emergencyContactPhone: string | null;
  createdKey: string;
  /** Shown as a match candidate to staff who may not see the volunteer itself: no number, person masked without roles, no teams. */
  restricted?: boolean;
}

@ObjectType('EmergencyContact', { description: '紧急联系人 emergency contact: shown only to the volunteer and to community staff in scope' })
export class EmergencyContact {
  @Field({ description: '姓名 name' }) name: string;
  @Field({ description: '手机号 mobile number (11 digits), unmasked for those who may see it' }) phone: string;
}

@ObjectType('Skill', { description: '技能 skill from the seeded list' })
export class Skill {
  @Field({ description: '技能名称 name (Chinese), as registerVolunteer accepts it' }) name: string;
  @Field({ description: '需求类别 the need category it serves (Chinese)' }) category: string;
}

@ObjectType('VolunteerTeam', {
  description:
    '志愿服务队 volunteer team: a team in a community with one or more leaders 领队; seen by volunteers and staff in scope, its organization and its members',
})
export class VolunteerTeam {
  @Field(() => ID, { description: '志愿服务队 ID' }) id: string;
  @Field({ description: '队名 name' }) name: string;
  @Field(() => Date, { description: '组建时间 created at, DateTime (ISO 8601, UTC)' }) createdAt: Date;
  communityId: string;
  communityPath: string;
  organizationId: string | null;
}

@ObjectType('VolunteerTeamMember', { description: '队员 team member: one volunteer’s membership of a team' })
export class VolunteerTeamMember {
  @Field({ description: '领队 team leader (adults only)' }) isLeader: boolean;
  @Field(() => Date, { description: '入队时间 when the volunteer joined the team, DateTime (ISO 8601, UTC)' }) joinedAt: Date;
  teamId: string;
  volunteerId: string;
}
