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
  description: '社会工作者职业资格 social worker qualification level',
  valuesMap: {
    ASSISTANT: { description: '助理社会工作师 assistant social worker (junior)' },
    INTERMEDIATE: { description: '社会工作师 social worker (intermediate)' },
    SENIOR: { description: '高级社会工作师 senior social worker' },
  },
});

@ObjectType('SocialWorker', {
  description: '社会工作者 social worker attached to a station 社工站 or room 社工室; seen by the worker and by community staff and up in scope',
})
export class SocialWorker {
  @Field(() => ID, { description: '社工档案 ID' }) id: string;
  @Field(() => SocialWorkerLevel, { description: '职业资格 qualification level' }) level: SocialWorkerLevel;
  @Field({ description: '职业资格证书编号 certificate number (6–30 of A–Z 0–9 -)' }) certificateNo: string;
  @Field(() => Date, { description: '登记时间 registered at, DateTime (ISO 8601, UTC)' }) createdAt: Date;
  personId: string;
  stationId: string;
  stationPath: string;
  createdKey: string;
}

@ObjectType('SocialWorkerCount', {
  description: '社工统计 social workers attached in one street (its 社工站) or one community (its 社工室) — statistics; each worker counted once',
})
export class SocialWorkerCount {
  @Field(() => ID, { description: '区域 ID (a street or a community)' }) regionId: string;
  @Field({ description: '区域名称 region name' }) regionName: string;
  @Field(() => RegionLevel, { description: "区域层级 STREET: workers of the street's 社工站; COMMUNITY: workers of the community's 社工室" })
  regionLevel: RegionLevel;
  @Field(() => Int, { description: '合计 total number of social workers' }) total: number;
  @Field(() => Int, { description: '助理社会工作师人数 number of assistant social workers' }) assistant: number;
  @Field(() => Int, { description: '社会工作师人数 number of intermediate social workers' }) intermediate: number;
  @Field(() => Int, { description: '高级社会工作师人数 number of senior social workers' }) senior: number;
}

@InputType({ description: '登记社工 register a social worker at a station (street admins in scope)' })
export class RegisterSocialWorkerInput {
  @Field(() => ID, { description: '人员 ID of the social worker (a registered person)' }) @IsString() personId: string;
  @Field(() => SocialWorkerLevel, { description: '职业资格 qualification level' }) @IsIn(Object.values(SocialWorkerLevel)) level: SocialWorkerLevel;

  @Field({ description: '证书编号 certificate number: 6–30 letters, digits or - (upper-cased)' })
  @IsString()
  @IsNotEmpty({ message: '请填写证书编号' })
  certificateNo: string;

  @Field(() => ID, { description: '站点 ID: a 社工站 (street) or 社工室 (community)' })
  @IsString()
  stationId: string;
}

@InputType({ description: '设立站点 create a station (street admins in scope)' })
export class CreateStationInput {
  @Field(() => StationKind, { description: '站点类型 station kind' }) @IsIn(Object.values(StationKind)) kind: StationKind;

  @Field({ description: '站点名称 name, ≤ 100 characters' })
  @IsString()
  @IsNotEmpty({ message: '请填写站点名称' })
  @MaxLength(100)
  name: string;

  @Field(() => ID, { description: '所在区域 ID: a street for 社工站, a community for 社工室 and 志愿服务站点' })
  @IsString()
  regionId: string;

  @Field(() => String, { nullable: true, description: '地址 address, ≤ 200 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string | null;
}
