import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

/** Sensitive flags 特殊群体标识 (docs/design.md §4, §11): recorded only with consent. */
export enum PersonFlag {
  ALONE_OR_EMPTY_NEST = 'ALONE_OR_EMPTY_NEST',
  INCAPACITATED = 'INCAPACITATED',
  DISABILITY = 'DISABILITY',
  SUBSISTENCE_ALLOWANCE = 'SUBSISTENCE_ALLOWANCE',
  EXTREME_POVERTY = 'EXTREME_POVERTY',
  CHILD_IN_DIFFICULTY = 'CHILD_IN_DIFFICULTY',
}

registerEnumType(PersonFlag, {
  name: 'PersonFlag',
  description: '敏感个人信息标识 sensitive flag (特殊群体标识), recorded only with consent',
  valuesMap: {
    ALONE_OR_EMPTY_NEST: { description: '独居/空巢老人 elderly living alone or empty-nest' },
    INCAPACITATED: { description: '失能 incapacitated (counts as hardship for time bank redemption)' },
    DISABILITY: { description: '残疾 disability (counts as hardship)' },
    SUBSISTENCE_ALLOWANCE: { description: '低保 minimum subsistence allowance (counts as hardship)' },
    EXTREME_POVERTY: { description: '特困 extreme poverty support (counts as hardship)' },
    CHILD_IN_DIFFICULTY: { description: '困境儿童 child in difficulty' },
  },
});

@ObjectType('Relative', {
  description: '亲属 relative link: recorded by a community worker; the time bank allows transfers between relatives. For the person and case staff in scope',
})
export class Relative {
  @Field(() => ID, { description: '亲属关系 ID' }) id: string;
  @Field({ description: '关系 what the relative is to the person, e.g. 女儿, 岳父' }) relation: string;
  @Field(() => Date, { description: '登记时间 recorded at, DateTime (ISO 8601, UTC)' }) recordedAt: Date;
  personId: string;
  relativeId: string;
}

@ObjectType('PersonFlagRecord', {
  description: '敏感标识记录 a sensitive flag with its consent record; for the person and case staff in scope (staff reads logged)',
})
export class PersonFlagRecord {
  @Field(() => PersonFlag, { description: '标识 flag' }) flag: PersonFlag;
  @Field(() => Date, { description: '同意时间 consent given at, DateTime (ISO 8601, UTC)' }) consentAt: Date;
  @Field(() => ID, { description: '同意人 ID: who consented — the person, or their guardian for a minor' }) consentGivenById: string;
  @Field(() => ID, { description: '登记人 ID: the staff member who recorded it' }) recordedById: string;
  @Field(() => Date, { description: '登记时间 recorded at, DateTime (ISO 8601, UTC)' }) recordedAt: Date;
  personId: string;
}

export enum ConsentAction {
  GIVEN = 'GIVEN',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(ConsentAction, {
  name: 'ConsentAction',
  description: '同意动作 consent action',
  valuesMap: { GIVEN: { description: '同意 consent given (flag recorded)' }, WITHDRAWN: { description: '撤回同意 consent withdrawn (flag deleted)' } },
});

@ObjectType('FlagConsentRecord', {
  description: '同意记录 one entry of the append-only consent history of a sensitive flag; for the person and case staff in scope (staff reads logged)',
})
export class FlagConsentRecord {
  @Field(() => PersonFlag, { description: '标识 flag' }) flag: PersonFlag;
  @Field(() => ConsentAction, { description: '动作 given or withdrawn' }) action: ConsentAction;
  @Field(() => ID, { description: '同意人 ID: who consented (the person, or the guardian of a minor) or on whose behalf consent was withdrawn' })
  byPersonId: string;
  @Field(() => ID, { description: '登记人 ID: who recorded it' }) recordedById: string;
  @Field(() => Date, { description: '时间 when, DateTime (ISO 8601, UTC)' }) at: Date;
  personId: string;
}

@ObjectType('PiiAccessEntry', { description: '个人信息访问记录 PII access entry: one read of a sensitive field by staff; street and system admins in scope' })
export class PiiAccessEntry {
  @Field(() => ID, { description: '访问记录 ID' }) id: string;
  @Field({ description: '字段 which field was read, e.g. id_number, person_flags' }) field: string;
  @Field(() => String, { nullable: true, description: '用途 where it was read, e.g. graphql:Person.flags; null = not stated' }) purpose: string | null;
  @Field(() => Date, { description: '访问时间 read at, DateTime (ISO 8601, UTC)' }) at: Date;
  viewerId: string;
  subjectId: string;
}
