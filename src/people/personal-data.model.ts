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
  description: '敏感个人信息标识, recorded with consent',
  valuesMap: {
    ALONE_OR_EMPTY_NEST: { description: '独居/空巢老人' },
    INCAPACITATED: { description: '失能' },
    DISABILITY: { description: '残疾' },
    SUBSISTENCE_ALLOWANCE: { description: '低保' },
    EXTREME_POVERTY: { description: '特困' },
    CHILD_IN_DIFFICULTY: { description: '困境儿童' },
  },
});

@ObjectType('Relative', { description: '亲属: recorded by a community worker; the time bank allows transfers between relatives' })
export class Relative {
  @Field(() => ID) id: string;
  @Field({ description: 'What the relative is to the person, e.g. 女儿, 岳父' }) relation: string;
  @Field(() => Date) recordedAt: Date;
  personId: string;
  relativeId: string;
}

@ObjectType('PersonFlagRecord', { description: 'A sensitive flag with its consent record' })
export class PersonFlagRecord {
  @Field(() => PersonFlag) flag: PersonFlag;
  @Field(() => Date, { description: '同意时间' }) consentAt: Date;
  @Field(() => ID, { description: 'Who consented: the person, or their guardian for a child under 14' }) consentGivenById: string;
  @Field(() => ID, { description: 'The staff member who recorded it' }) recordedById: string;
  @Field(() => Date) recordedAt: Date;
  personId: string;
}

export enum ConsentAction {
  GIVEN = 'GIVEN',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(ConsentAction, { name: 'ConsentAction', valuesMap: { GIVEN: { description: '同意' }, WITHDRAWN: { description: '撤回同意' } } });

@ObjectType('FlagConsentRecord', { description: 'One entry of the append-only consent history of a sensitive flag (同意记录)' })
export class FlagConsentRecord {
  @Field(() => PersonFlag) flag: PersonFlag;
  @Field(() => ConsentAction) action: ConsentAction;
  @Field(() => ID, { description: 'Who consented (the person, or the guardian of a minor) or on whose behalf consent was withdrawn' }) byPersonId: string;
  @Field(() => ID, { description: 'Who recorded it' }) recordedById: string;
  @Field(() => Date) at: Date;
  personId: string;
}

@ObjectType('PiiAccessEntry', { description: 'One read of a sensitive field by staff (个人信息访问记录)' })
export class PiiAccessEntry {
  @Field(() => ID) id: string;
  @Field({ description: 'Which field, e.g. id_number' }) field: string;
  @Field(() => String, { nullable: true }) purpose: string | null;
  @Field(() => Date) at: Date;
  viewerId: string;
  subjectId: string;
}
