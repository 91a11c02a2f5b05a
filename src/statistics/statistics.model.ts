import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsString } from 'class-validator';
import { FenScalar } from '../common/graphql/fen.scalar.js';
import { Region } from '../regions/region.model.js';

export enum RegionKind {
  URBAN = 'URBAN',
  RURAL = 'RURAL',
}
registerEnumType(RegionKind, {
  name: 'RegionKind',
  description: '城乡类别 urban or rural region kind（决定部分指标的目标值）',
  valuesMap: { URBAN: { description: '城市社区 urban' }, RURAL: { description: '农村社区 rural' } },
});

@ObjectType({ description: '指标 seed indicator：值、目标以及背后的计数分子/分母 (docs/statistics.md)' })
export class Indicator {
  @Field({ description: '指标代码 code，如 VOLUNTEER_STATION_COVERAGE、ELDERLY_VISIT_RATE' }) code: string;
  @Field({ description: '指标名称 name，如 志愿服务站点覆盖率' }) name: string;
  @Field(() => Float, { nullable: true, description: '指标值 value = 分子 ÷ 分母（比率为 0–1 的小数；“每万人”指标 × 10 000）；无可除或被隐藏时为 null' })
  value: number | null;
  @Field(() => Float, { nullable: true, description: '目标值 target（单位同 value）；未设定为 null' }) target: number | null;
  @Field(() => Boolean, { nullable: true, description: '是否达标 met（value ≥ target）；无值或无目标时为 null' }) met: boolean | null;
  @Field(() => Int, { nullable: true, description: '分子 numerator（计数）（公开统计中 1–4 的人数被隐藏为 null）' }) numerator: number | null;
  @Field(() => Int, { nullable: true, description: '分母 denominator（计数）（公开统计中 1–4 的人数被隐藏为 null）' }) denominator: number | null;
  @Field({ description: '是否因人数少于 5 而隐藏 suppressed（仅公开统计）' }) suppressed: boolean;
}

@ObjectType({ description: '统计期内某类别、某紧急程度的需求数 needs of one category and urgency（公开统计中 1–4 的人数被隐藏为 null）' })
export class NeedCell {
  @Field({ description: '需求类别 category（NeedCategory 的值）' }) category: string;
  @Field({ description: '紧急程度 urgency（Urgency 的值）' }) urgency: string;
  @Field(() => Int, { nullable: true, description: '发布数 needs posted' }) posted: number | null;
  @Field(() => Int, { nullable: true, description: '办结数 needs closed（进入 CONFIRMED）' }) closed: number | null;
  @Field(() => Int, { nullable: true, description: '取消数 needs cancelled' }) cancelled: number | null;
  @Field(() => Int, { nullable: true, description: '过期数 needs expired' }) expired: number | null;
}

@ObjectType({ description: '统计期内运行的某状态民生项目 projects of one status whose run overlaps the period' })
export class ProjectStatusCount {
  @Field({ description: '项目状态 status（ProjectStatus 的值）' }) status: string;
  @Field(() => Int, { description: '项目数 count' }) count: number;
  @Field(() => FenScalar, { description: '这些项目的预算合计 budget，单位分 fen' }) budgetFen: number;
}

@ObjectType({ description: '一个自然月（Asia/Shanghai）的运营数据 operational figures of one calendar month（公开统计中 1–4 的人数被隐藏为 null）' })
export class RegionStatsMonth {
  @Field({ description: '月份 month，YYYY-MM（Asia/Shanghai）；在 RegionStats 上为统计期的起止月份 YYYY-MM…YYYY-MM' }) month: string;
  @Field(() => Int, { nullable: true, description: '活跃志愿者数 distinct volunteers with a confirmed service record' }) volunteersActive: number | null;
  @Field(() => Int, { nullable: true, description: '发布的需求数 needs posted' }) needsPosted: number | null;
  @Field(() => Int, { nullable: true, description: '办结的需求数 needs closed（进入 CONFIRMED）' }) needsClosed: number | null;
  @Field(() => Int, { nullable: true, description: '取消的需求数 needs cancelled' }) needsCancelled: number | null;
  @Field(() => Int, { nullable: true, description: '过期的需求数 needs expired（重新改期后再过期计两次）' }) needsExpired: number | null;
  @Field(() => Int, { nullable: true, description: '已确认的服务时长合计 minutes served，单位分钟（公开统计中活跃志愿者少于 5 人时隐藏为 null）' })
  minutesServed: number | null;
  @Field(() => Int, { nullable: true, description: '存入时间银行的时长 minutes banked（EARN），单位分钟（公开统计中活跃志愿者少于 5 人时隐藏为 null）' })
  minutesBanked: number | null;
  @Field(() => Int, { nullable: true, description: '转赠的时长 minutes transferred（TRANSFER），单位分钟（公开统计中活跃志愿者少于 5 人时隐藏为 null）' })
  minutesTransferred: number | null;
  @Field(() => Int, { nullable: true, description: '捐赠的时长 minutes donated（DONATE），单位分钟（公开统计中活跃志愿者少于 5 人时隐藏为 null）' })
  minutesDonated: number | null;
  @Field(() => Float, { nullable: true, description: '从发布到首次受理的时长中位数 median minutes to accept，单位分钟；无数据为 null' }) medianMinutesToAccept:
    number | null;
  @Field(() => Float, { nullable: true, description: '从发布到首次接单/派单的时长中位数 median minutes to claim，单位分钟；无数据为 null' })
  medianMinutesToClaim: number | null;
  @Field(() => Float, { nullable: true, description: '按时办结率 on-time rate（0–1）：未超受理、接单时限且服务未超时的办结需求 ÷ 办结需求；无数据为 null' })
  onTimeRate: number | null;
  @Field(() => Int, { nullable: true, description: '有评价的办结需求数 ratings（满意率的分母）' }) ratings: number | null;
  @Field(() => Float, { nullable: true, description: '满意率 satisfaction rate（0–1）：评分 ≥ 4 ÷ 评价数；无评价为 null' }) satisfactionRate: number | null;
  @Field(() => Int, { nullable: true, description: '超时升级次数 escalations' }) escalations: number | null;
  @Field(() => Int, { nullable: true, description: '爽约次数 no-shows' }) noShows: number | null;
  @Field(() => Int, { nullable: true, description: '应探访次数 visit tasks due（不含已取消）' }) visitsDue: number | null;
  @Field(() => Int, { nullable: true, description: '已完成探访次数 visit tasks done' }) visitsDone: number | null;
  @Field(() => Int, { nullable: true, description: '未完成探访次数 visit tasks missed' }) visitsMissed: number | null;
}

@ObjectType({
  description:
    '区域统计 region statistics：某区域在 [from, to) 内的运营数据和指标（按 Asia/Shanghai 自然日）；regionStats 限辖区工作人员，publicRegionStats 公开但隐藏少于 5 人的计数',
})
export class RegionStats extends RegionStatsMonth {
  @Field(() => Region, { description: '统计的区域 region' }) region: Region;
  @Field({ description: '统计期开始 from，DateTime（ISO 8601，带时区）；按 Asia/Shanghai 自然日计' }) from: Date;
  @Field({ description: '统计期结束 to（不含），DateTime（ISO 8601，带时区）' }) to: Date;
  @Field({ description: '是否有少于 5 人的计数被隐藏 suppressed（仅公开统计为 true）' }) suppressed: boolean;
  @Field(() => Int, { nullable: true, description: '统计期末已登记（已审核）的志愿者数 volunteers registered' }) volunteersRegistered: number | null;
  @Field(() => Float, { nullable: true, description: '探访率 visit rate（0–1）= 已完成 ÷ 应探访（所有关爱对象类别）；无数据为 null' }) visitRate: number | null;
  @Field(() => [NeedCell], { description: '按类别 × 紧急程度的需求数 needs by category and urgency' }) needsByCategory: NeedCell[];
  @Field(() => [ProjectStatusCount], { description: '按状态的民生项目 projects by status（运行期与统计期重叠）' }) projectsByStatus: ProjectStatusCount[];
  @Field(() => FenScalar, { description: '这些项目的预算合计 budget，单位分 fen' }) projectsBudgetFen: number;
  @Field(() => FenScalar, { description: '统计期内拨付的项目资金 disbursed，单位分 fen' }) projectsDisbursedFen: number;
  @Field(() => [Indicator], { description: '指标 seed indicators（12 项，含目标和分子/分母）' }) indicators: Indicator[];
  @Field(() => [RegionStatsMonth], { description: '同样数据按自然月 per calendar month（Asia/Shanghai），从早到晚' }) series: RegionStatsMonth[];
  @Field(() => [RegionStats], { description: '每个直接下级区域的同样数据（下钻 drill-down）；下级再往下为空列表' }) children: RegionStats[];
}

@ObjectType({ description: '统计用区域属性 region attributes for the indicators（辖区管理员设置）' })
export class RegionAttributes {
  @Field({ description: '区域 region 的 id' }) regionId: string;
  @Field(() => Int, { nullable: true, description: '户籍人口 registered population；未设置为 null' }) registeredPopulation: number | null;
  @Field(() => Int, { nullable: true, description: '常住人口 resident population；未设置为 null' }) residentPopulation: number | null;
  @Field(() => Int, { nullable: true, description: '60 岁及以上常住人口 resident population aged 60 and over；未设置为 null' }) elderlyPopulation:
    number | null;
  @Field(() => RegionKind, { nullable: true, description: '城乡类别 urban / rural；未设置为 null' }) kind: RegionKind | null;
  @Field({ description: '是否建有志愿服务站点 has a volunteer station' }) hasVolunteerStation: boolean;
  @Field(() => [String], { description: '全科服务 one-window categories：该社区工作者覆盖的服务类别（如 ELDERLY_CARE、SOCIAL_ASSISTANCE）' })
  coveredCategories: string[];
  @Field(() => Float, { nullable: true, description: '每万人社工的目标值 target of social workers per 10 000 residents（0–10000）；未设置为 null' })
  socialWorkersPer10kTarget: number | null;
  @Field(() => Float, { nullable: true, description: '持证社区工作者占比的目标值 target share of certified community workers（0–1）；未设置为 null' })
  certifiedWorkerShareTarget: number | null;
}

@InputType({ description: '设置统计用区域属性 set region attributes（只修改提供的字段）' })
export class SetRegionAttributesInput {
  @Field({ description: '区域 region 的 id（在调用者辖区内）' }) @IsString() regionId: string;
  @Field(() => Int, { nullable: true, description: '户籍人口 registered population（0–50 000 000 的整数）' })
  @IsOptional()
  @IsInt({ message: '户籍人口须为整数' })
  registeredPopulation?: number | null;
  @Field(() => Int, { nullable: true, description: '常住人口 resident population（0–50 000 000 的整数）' })
  @IsOptional()
  @IsInt({ message: '常住人口须为整数' })
  residentPopulation?: number | null;
  @Field(() => Int, { nullable: true, description: '60 岁及以上常住人口 resident population aged 60 and over（不多于常住人口）' })
  @IsOptional()
  @IsInt({ message: '60 岁以上人口须为整数' })
  elderlyPopulation?: number | null;
  @Field(() => RegionKind, { nullable: true, description: '城乡类别 urban / rural' })
  @IsOptional()
  @IsEnum(RegionKind, { message: '城乡类别无效' })
  kind?: RegionKind | null;
  @Field({ nullable: true, description: '是否建有志愿服务站点 has a volunteer station' }) @IsOptional() @IsBoolean() hasVolunteerStation?: boolean;
  @Field(() => [String], {
    nullable: true,
    description:
      '全科服务类别 one-window categories（ELDERLY_CARE、DISABILITY_SUPPORT、CHILD_CARE、SOCIAL_ASSISTANCE、EMPLOYMENT、MEDICAL_INSURANCE、HOUSING、LEGAL_AID、CIVIL_AFFAIRS 中的，最多 50 个）',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  coveredCategories?: string[];
  @Field(() => Float, { nullable: true, description: '每万人社工的目标值 target per 10 000 residents（0–10000）' })
  @IsOptional()
  @IsNumber()
  socialWorkersPer10kTarget?: number | null;
  @Field(() => Float, { nullable: true, description: '持证社区工作者占比的目标值 target share（0–1）' }) @IsOptional() @IsNumber() certifiedWorkerShareTarget?:
    number | null;
}
