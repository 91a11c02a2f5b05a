import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Volunteer } from '../volunteers/volunteer.model.js';
import type { BatchPlan, RankedPair } from './matching.service.js';

@ObjectType('MatchScoreComponent', { description: '匹配分的一个组成部分 one named part of a match score (docs/design.md §7)' })
export class MatchScoreComponent {
  @Field({ description: '组成部分代码 name：SKILL_FIT、DISTANCE、AVAILABILITY、RELIABILITY、CONTINUITY、FAIRNESS、PARTY_MEMBER' }) name: string;
  @Field({ description: '中文名称 Chinese label' }) label: string;
  @Field(() => Int, { description: '权重 weight（最多可得的分数 points at value 1；见 docs/design.md §7）' }) weight: number;
  @Field(() => Float, { description: '取值 value（0–1）' }) value: number;
  @Field(() => Float, { description: '得分 points = 权重 × 取值' }) points: number;
}

@ObjectType('MatchCandidate', { description: '匹配候选 match candidate：某需求的一位志愿者，带得分和理由（辖区工作人员 NEED_TRIAGE 可见）' })
export class MatchCandidate {
  @Field(() => Volunteer, { description: '候选志愿者 volunteer；调用者无权通过 volunteer(id) 查看时为受限信息（无编号、无紧急联系人、人员掩码）' })
  volunteer: Volunteer;
  @Field(() => Int, { description: '排名 rank（1 = 最佳）' }) rank: number;
  @Field(() => Float, { description: '匹配分 score（0–100）' }) score: number;
  @Field(() => [String], { description: '得分理由 reasons（中文，每个组成部分一行）' }) reasons: string[];
  @Field(() => [MatchScoreComponent], { description: '匹配分组成 score components' }) components: MatchScoreComponent[];
  @Field(() => Float, { nullable: true, description: '志愿者到需求位置的距离 distance，单位公里 km；无位置为 null' }) distanceKm: number | null;
  volunteerId: string;
}

@ObjectType('BatchAssignmentPair', { description: '批量派单中的一对 one need given to one volunteer by the batch assignment' })
export class BatchAssignmentPair {
  @Field(() => ID, { description: '需求 id' }) needId: string;
  @Field(() => Volunteer, { description: '分配的志愿者 volunteer' }) volunteer: Volunteer;
  @Field(() => Float, { description: '该对的匹配分 score（0–100）' }) score: number;
  @Field(() => [String], { description: '得分理由 reasons（中文）' }) reasons: string[];
  @Field({ description: '是否已派单 dispatched（仅 batchDispatch 设置；batchAssignment 方案中为 false）' }) dispatched: boolean;
  @Field(() => String, { nullable: true, description: '派单失败的原因 why the dispatch failed（如需求已被他人接单）；成功或仅方案时为 null' }) error:
    string | null;
  volunteerId: string;
}

@ObjectType('BatchAssignment', { description: '批量派单 batch assignment：在容量限制下把 OPEN 需求最优分配给志愿者（匈牙利算法 Hungarian algorithm）' })
export class BatchAssignment {
  @Field(() => Float, { description: '各对匹配分之和 sum of the scores；optimal 时为所有可行分配中的最大值' }) total: number;
  @Field({ description: '是否已证明最优 proven optimal；仅当时间冲突搜索达到步数上限、返回找到的最佳方案时为 false' }) optimal: boolean;
  @Field(() => [BatchAssignmentPair], { description: '分配结果 the pairs' }) assignments: BatchAssignmentPair[];
  @Field(() => [ID], { description: '没有可分配志愿者的 OPEN 需求 id' }) unassignedNeedIds: string[];
}

/** A batch plan with, after `batchDispatch`, each pair's outcome (null = dispatched, else the error message). */
export function toBatch(plan: BatchPlan, outcome?: ReadonlyMap<string, string | null>): BatchAssignment {
  return {
    total: plan.total,
    optimal: plan.optimal,
    unassignedNeedIds: plan.unassigned,
    assignments: plan.pairs.map((p) => ({
      needId: p.needId,
      volunteerId: p.volunteerId,
      volunteer: null as unknown as Volunteer,
      score: p.score,
      reasons: p.reasons,
      dispatched: outcome ? outcome.get(p.needId) === null : false,
      error: outcome ? (outcome.get(p.needId) ?? null) : null,
    })),
  };
}

/** The candidates of one need as the API shows them, best first. */
export function toCandidates(ranked: readonly RankedPair[]): MatchCandidate[] {
  return ranked.map((r, i) => ({
    volunteerId: r.volunteerId,
    volunteer: null as unknown as Volunteer,
    rank: i + 1,
    score: r.score,
    reasons: r.reasons,
    components: r.components,
    distanceKm: r.distanceKm,
  }));
}
