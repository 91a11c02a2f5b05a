import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SessionRegistry } from '../auth/sessions.registry.js';
import { DomainException } from '../common/errors.js';
import { costLimiterOf, FIELD_COSTS } from '../common/graphql/cost.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { ActorRepository } from '../scope/actor.repository.js';
import { resolveBearer, unauthenticatedError } from '../scope/scope.guard.js';
import { RegionStats, RegionStatsMonth } from './statistics.model.js';
import { StatisticsService } from './statistics.service.js';

export const CSV_HEADER = ['区域', '区划代码', '类别', '项目', '数值', '目标', '是否达标', '分子', '分母'];

/** Every figure of a month of the series, with its Chinese name: the monthly rows carry all of them. */
export const MONTHLY_FIGURES: [string, Exclude<keyof RegionStatsMonth, 'month'>][] = [
  ['活跃志愿者', 'volunteersActive'],
  ['发布需求', 'needsPosted'],
  ['办结需求', 'needsClosed'],
  ['取消需求', 'needsCancelled'],
  ['过期需求', 'needsExpired'],
  ['服务时长（分钟）', 'minutesServed'],
  ['存入时长（分钟）', 'minutesBanked'],
  ['转赠时长（分钟）', 'minutesTransferred'],
  ['捐赠时长（分钟）', 'minutesDonated'],
  ['受理用时中位数（分钟）', 'medianMinutesToAccept'],
  ['接单用时中位数（分钟）', 'medianMinutesToClaim'],
  ['按时办结率', 'onTimeRate'],
  ['评价数', 'ratings'],
  ['满意率', 'satisfactionRate'],
  ['升级督办', 'escalations'],
  ['爽约', 'noShows'],
  ['应探访', 'visitsDue'],
  ['已探访', 'visitsDone'],
  ['未探访', 'visitsMissed'],
];

/** The rows of the CSV: every figure of the region and of each child, then the needs table and projects table. */
export function statsCsvRows(s: RegionStats): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  const yes = (b: boolean | null) => (b === null ? '' : b ? '是' : '否');
  for (const r of [s, ...s.children]) {
    const at = (kind: string, name: string, value: number | null) => rows.push([r.region.name, r.region.code, kind, name, value, null, null, null, null]);
    at('运行', '注册志愿者', r.volunteersRegistered);
    at('运行', '活跃志愿者', r.volunteersActive);
    at('运行', '服务时长（分钟）', r.minutesServed);
    at('运行', '存入时长（分钟）', r.minutesBanked);
    at('运行', '转赠时长（分钟）', r.minutesTransferred);
    at('运行', '捐赠时长（分钟）', r.minutesDonated);
    at('运行', '发布需求', r.needsPosted);
    at('运行', '办结需求', r.needsClosed);
    at('运行', '取消需求', r.needsCancelled);
    at('运行', '过期需求', r.needsExpired);
    at('运行', '受理用时中位数（分钟）', r.medianMinutesToAccept);
    at('运行', '接单用时中位数（分钟）', r.medianMinutesToClaim);
    at('运行', '按时办结率', r.onTimeRate);
    at('运行', '升级督办', r.escalations);
    at('运行', '爽约', r.noShows);
    at('运行', '评价数', r.ratings);
    at('运行', '满意率', r.satisfactionRate);
    at('运行', '应探访', r.visitsDue);
    at('运行', '已探访', r.visitsDone);
    at('运行', '未探访', r.visitsMissed);
    at('运行', '探访率', r.visitRate);
    at('项目', '项目预算（分）', r.projectsBudgetFen);
    at('项目', '已拨付（分）', r.projectsDisbursedFen);
    for (const p of r.projectsByStatus) at('项目', `项目数·${p.status}`, p.count);
    for (const c of r.needsByCategory) {
      at('需求', `${c.category}·${c.urgency}·发布`, c.posted);
      at('需求', `${c.category}·${c.urgency}·办结`, c.closed);
      at('需求', `${c.category}·${c.urgency}·取消`, c.cancelled);
      at('需求', `${c.category}·${c.urgency}·过期`, c.expired);
    }
    for (const m of r.series) for (const [name, key] of MONTHLY_FIGURES) at('月度', `${m.month}·${name}`, m[key]);
    for (const i of r.indicators) rows.push([r.region.name, r.region.code, '指标', i.name, i.value, i.target, yes(i.met), i.numerator, i.denominator]);
  }
  return rows;
}

/** `GET /export/region-stats.csv?regionId=…&from=…&to=…` with the bearer token: the figures as UTF-8 CSV with a BOM. */
@Controller('export')
export class StatisticsController {
  constructor(
    private readonly service: StatisticsService,
    private readonly actors: ActorRepository,
    private readonly sessions: SessionRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('region-stats.csv')
  async regionStatsCsv(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('regionId') regionId?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ) {
    // The same checks as the GraphQL guard (a logged-out or revoked session is refused) and the same price as
    // regionStats, spent from the caller's budget (docs/security.md "Limits").
    const header = req.headers.authorization;
    const bearer = header ? await resolveBearer(header, { tokenSecret: this.config.tokenSecret, sessions: this.sessions, actors: this.actors }) : null;
    if (!bearer || 'problem' in bearer) return refuse(reply, 401, unauthenticatedError(bearer?.problem));
    const limiter = costLimiterOf(this.config);
    const refused = await limiter.spend(limiter.keyOf(header, req.ip), FIELD_COSTS.regionStats);
    if (refused) return refuse(reply.header('retry-after', String(refused.retryAfter)), 429, refused.error);
    try {
      const stats = await this.service.regionStats(bearer.actor, regionId ?? '', new Date(from ?? ''), new Date(to ?? ''));
      const body = '\uFEFF' + stringify([CSV_HEADER, ...statsCsvRows(stats)], { cast: { number: (n) => String(n) } });
      return reply
        .status(200)
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="region-stats.csv"; filename*=UTF-8''${encodeURIComponent(`区域统计-${stats.region.name}.csv`)}`)
        .send(body);
    } catch (err) {
      if (err instanceof DomainException) {
        const status = { FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 }[String(err.code)] ?? 400;
        return refuse(reply, status, err);
      }
      throw err;
    }
  }
}

/** A refusal shaped as GraphQL's: `{ errors: [{ message, extensions: { code, reason } }] }`. */
function refuse(reply: FastifyReply, status: number, err: DomainException) {
  return reply
    .status(status)
    .type('application/json')
    .send({ errors: [{ message: err.message, extensions: { code: err.code, reason: err.options.reason } }] });
}
