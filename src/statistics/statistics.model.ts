import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsString } from 'class-validator';
import { FenScalar } from '../common/graphql/fen.scalar.js';
import { Region } from '../regions/region.model.js';

export enum RegionKind {
  URBAN = 'URBAN',
  RURAL = 'RURAL',
}
registerEnumType(RegionKind, { name: 'RegionKind', description: '城市社区 URBAN / 农村社区 RURAL' });

@ObjectType({ description: '指标: a seed indicator with the counted fraction behind it' })
export class Indicator {
  @Field() code: string;
  @Field() name: string;
  @Field(() => Float, { nullable: true, description: 'numerator ÷ denominator (× 10 000 for the per-10k ones); null when nothing to divide by or suppressed' })
  value: number | null;
  @Field(() => Float, { nullable: true }) target: number | null;
  @Field(() => Boolean, { nullable: true }) met: boolean | null;
  @Field(() => Int, { nullable: true }) numerator: number | null;
  @Field(() => Int, { nullable: true }) denominator: number | null;
  @Field({ description: 'a count of persons below 5 was hidden (public figures)' }) suppressed: boolean;
}

@ObjectType({ description: 'Needs of one category and urgency in the period' })
export class NeedCell {
  @Field() category: string;
  @Field() urgency: string;
  @Field(() => Int, { nullable: true }) posted: number | null;
  @Field(() => Int, { nullable: true }) closed: number | null;
  @Field(() => Int, { nullable: true }) cancelled: number | null;
  @Field(() => Int, { nullable: true }) expired: number | null;
}

@ObjectType({ description: 'Projects 民生项目 of one status running in the period' })
export class ProjectStatusCount {
  @Field() status: string;
  @Field(() => Int) count: number;
  @Field(() => FenScalar) budgetFen: number;
}

@ObjectType({ description: 'The operational figures of one calendar month (China time)' })
export class RegionStatsMonth {
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field(() => Int, { nullable: true }) volunteersActive: number | null;
  @Field(() => Int, { nullable: true }) needsPosted: number | null;
  @Field(() => Int, { nullable: true }) needsClosed: number | null;
  @Field(() => Int, { nullable: true }) needsCancelled: number | null;
  @Field(() => Int, { nullable: true }) needsExpired: number | null;
  @Field(() => Int) minutesServed: number;
  @Field(() => Int) minutesBanked: number;
  @Field(() => Int) minutesTransferred: number;
  @Field(() => Int) minutesDonated: number;
  @Field(() => Float, { nullable: true }) medianMinutesToAccept: number | null;
  @Field(() => Float, { nullable: true }) medianMinutesToClaim: number | null;
  @Field(() => Float, { nullable: true }) onTimeRate: number | null;
  @Field(() => Float, { nullable: true }) satisfactionRate: number | null;
  @Field(() => Int, { nullable: true }) escalations: number | null;
  @Field(() => Int, { nullable: true }) noShows: number | null;
  @Field(() => Int, { nullable: true }) visitsDue: number | null;
  @Field(() => Int, { nullable: true }) visitsDone: number | null;
  @Field(() => Int, { nullable: true }) visitsMissed: number | null;
}

@ObjectType({ description: '区域统计: operations and seed indicators of a region over [from, to) (calendar days, China time)' })
export class RegionStats extends RegionStatsMonth {
  @Field(() => Region) region: Region;
  @Field() from: Date;
  @Field() to: Date;
  @Field({ description: 'true when some count of persons below 5 was hidden (public figures only)' }) suppressed: boolean;
  @Field(() => Int, { nullable: true }) volunteersRegistered: number | null;
  @Field(() => Int, { nullable: true }) ratings: number | null;
  @Field(() => Float, { nullable: true, description: 'visits done ÷ visits due (every care group)' }) visitRate: number | null;
  @Field(() => [NeedCell]) needsByCategory: NeedCell[];
  @Field(() => [ProjectStatusCount]) projectsByStatus: ProjectStatusCount[];
  @Field(() => FenScalar) projectsBudgetFen: number;
  @Field(() => FenScalar) projectsDisbursedFen: number;
  @Field(() => [Indicator]) indicators: Indicator[];
  @Field(() => [RegionStatsMonth], { description: 'the same figures per calendar month, oldest first' }) series: RegionStatsMonth[];
  @Field(() => [RegionStats], { description: 'the same figures for each child region (drill-down); empty below one level' }) children: RegionStats[];
}

@ObjectType({ description: '统计用区域属性' })
export class RegionAttributes {
  @Field() regionId: string;
  @Field(() => Int, { nullable: true }) registeredPopulation: number | null;
  @Field(() => Int, { nullable: true }) residentPopulation: number | null;
  @Field(() => Int, { nullable: true, description: 'resident population aged 60 and over' }) elderlyPopulation: number | null;
  @Field(() => RegionKind, { nullable: true }) kind: RegionKind | null;
  @Field({ description: '是否建有志愿服务站点' }) hasVolunteerStation: boolean;
  @Field(() => [String], { description: '全科服务: the one-window service categories its workers cover' }) coveredCategories: string[];
  @Field(() => Float, { nullable: true }) socialWorkersPer10kTarget: number | null;
  @Field(() => Float, { nullable: true }) certifiedWorkerShareTarget: number | null;
}

@InputType()
export class SetRegionAttributesInput {
  @Field() @IsString() regionId: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt({ message: '户籍人口须为整数' }) registeredPopulation?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt({ message: '常住人口须为整数' }) residentPopulation?: number | null;
  @Field(() => Int, { nullable: true, description: 'resident population aged 60 and over' })
  @IsOptional()
  @IsInt({ message: '60 岁以上人口须为整数' })
  elderlyPopulation?: number | null;
  @Field(() => RegionKind, { nullable: true }) @IsOptional() @IsEnum(RegionKind, { message: '城乡类别无效' }) kind?: RegionKind | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() hasVolunteerStation?: boolean;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) coveredCategories?: string[];
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() socialWorkersPer10kTarget?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() certifiedWorkerShareTarget?: number | null;
}
