import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum VolunteerStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
}

registerEnumType(VolunteerStatus, {
  name: 'VolunteerStatus',
  valuesMap: {
    PENDING: { description: '待审核' },
    APPROVED: { description: '已通过' },
    REJECTED: { description: '未通过' },
    SUSPENDED: { description: '已暂停' },
  },
});

@ObjectType('Volunteer', { description: '社区志愿者' })
export class Volunteer {
  @Field(() => ID) id: string;
  @Field(() => VolunteerStatus) status: VolunteerStatus;
  @Field(() => String, { nullable: true, description: '志愿者编号, assigned on approval' }) volunteerNo: string | null;
  @Field({ description: '党员' }) isPartyMember: boolean;
  @Field({ description: 'Vetted for children and home-entry services' }) isVetted: boolean;
  @Field(() => [String], { description: 'Skills from the seeded list (Chinese names)' }) skills: string[];
  @Field(() => Int, { description: 'Minutes of confirmed service (the time bank’s EARN total)' }) verifiedMinutes: number;
  @Field(() => Int, { description: '星级 0–5 from verified hours (docs/design.md §6.4)' }) starLevel: number;
  @Field(() => Float, { description: '0–1: completions vs no-shows and withdrawals, and ratings' }) reliability: number;
  @Field(() => Int) completedCount: number;
  @Field(() => Int) noShowCount: number;
  @Field(() => Date, { description: '登记时间' }) createdAt: Date;
  personId: string;
  communityId: string;
  communityPath: string;
  emergencyContactName: string | null;
  emergencyContactPhone: string | null;
  createdKey: string;
  /** Shown as a match candidate to staff who may not see the volunteer itself: no number, person masked without roles, no teams. */
  restricted?: boolean;
}

@ObjectType('EmergencyContact', { description: '紧急联系人: shown only to the volunteer and to community staff in scope' })
export class EmergencyContact {
  @Field() name: string;
  @Field() phone: string;
}

@ObjectType('Skill', { description: '技能 from the seeded list' })
export class Skill {
  @Field() name: string;
  @Field({ description: 'The need category it serves (Chinese)' }) category: string;
}

@ObjectType('VolunteerTeam', { description: '志愿服务队: a team in a community with one or more leaders 领队' })
export class VolunteerTeam {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => Date) createdAt: Date;
  communityId: string;
  communityPath: string;
  organizationId: string | null;
}

@ObjectType('VolunteerTeamMember', { description: '队员' })
export class VolunteerTeamMember {
  @Field({ description: '领队' }) isLeader: boolean;
  @Field(() => Date) joinedAt: Date;
  teamId: string;
  volunteerId: string;
}
