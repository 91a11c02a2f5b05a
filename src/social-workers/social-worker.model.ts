import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { RegionLevel } from '../regions/region-level.js';
import { StationKind } from '../regions/station.model.js';

export enum SocialWorkerLevel {
  ASSISTANT = 'ASSISTANT',
  INTERMEDIATE = 'INTERMEDIATE',
  SENIOR = 'SENIOR',
}

registerEnumType(SocialWorkerLevel, {
  name: 'SocialWorkerLevel',
  description: '社会工作者职业资格',
  valuesMap: { ASSISTANT: { description: '助理社会工作师' }, INTERMEDIATE: { description: '社会工作师' }, SENIOR: { description: '高级社会工作师' } },
});

@ObjectType('SocialWorker', { description: '社会工作者 attached to a station 社工站 or room 社工室' })
export class SocialWorker {
  @Field(() => ID) id: string;
  @Field(() => SocialWorkerLevel) level: SocialWorkerLevel;
  @Field({ description: '职业资格证书编号' }) certificateNo: string;
  @Field(() => Date) createdAt: Date;
  personId: string;
  stationId: string;
  stationPath: string;
  createdKey: string;
}

@ObjectType('SocialWorkerCount', {
  description: 'Social workers attached in one street (its 社工站) or one community (its 社工室) — statistics; each worker counted once',
})
export class SocialWorkerCount {
  @Field(() => ID) regionId: string;
  @Field() regionName: string;
  @Field(() => RegionLevel, { description: "STREET: workers of the street's 社工站; COMMUNITY: workers of the community's 社工室" }) regionLevel: RegionLevel;
  @Field(() => Int) total: number;
  @Field(() => Int) assistant: number;
  @Field(() => Int) intermediate: number;
  @Field(() => Int) senior: number;
}

@InputType()
export class RegisterSocialWorkerInput {
  @Field(() => ID) @IsString() personId: string;
  @Field(() => SocialWorkerLevel) @IsIn(Object.values(SocialWorkerLevel)) level: SocialWorkerLevel;

  @Field({ description: '证书编号: 6–30 letters, digits or -' })
  @IsString()
  @IsNotEmpty({ message: '请填写证书编号' })
  certificateNo: string;

  @Field(() => ID, { description: 'A 社工站 (street) or 社工室 (community)' })
  @IsString()
  stationId: string;
}

@InputType()
export class CreateStationInput {
  @Field(() => StationKind) @IsIn(Object.values(StationKind)) kind: StationKind;

  @Field()
  @IsString()
  @IsNotEmpty({ message: '请填写站点名称' })
  @MaxLength(100)
  name: string;

  @Field(() => ID, { description: 'A street for 社工站, a community for 社工室 and 志愿服务站点' })
  @IsString()
  regionId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string | null;
}
