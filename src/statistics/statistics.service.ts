import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../common/ids.js';
import { Region } from '../regions/region.model.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { FactCell, IndicatorValue, indicators, ONE_WINDOW_CATEGORIES, Operations, operations, ratio } from './figures.js';
import { suppress } from './suppression.js';
import { statsErrors } from './statistics.errors.js';
import { RegionAttributes, RegionKind, RegionStats, RegionStatsMonth, SetRegionAttributesInput } from './statistics.model.js';
import { CommunityFacts, Facts, RegionAttributesRow, StatisticsRepository, VisitCounts } from './statistics.repository.js';

/** What one region's figures are computed from (its rows of each table, see StatisticsService.read). */
interface RegionPart {
  facts: Facts;
  active: { month: string | null; n: number }[];
  visits: VisitCounts[];
  projectsByStatus: { status: string; count: number; budgetFen: number }[];
  disbursedFen: number;
  communities: CommunityFacts[];
  registered: number;
  attrs: RegionAttributesRow | undefined;
}

/** Statistics 统计 (docs/statistics.md): regionStats with drill-down and series, public figures, region attributes. */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: StatisticsRepository,
    private readonly regions: RegionsRepository,
  ) {}

  async regionStats(actor: Actor | null, regionId: string, from: Date, to: Date, pub = false): Promise<RegionStats> {
    const region = await this.region(regionId);
    if (!pub && (!actor || !actor.can(Permission.STATS_READ, { regionPath: region.path }))) throw statsErrors.forbidden();
    this.checkPeriod(from, to);
    const { d0, d1 } = await this.repo.days(from, to);
    // One snapshot: the watermark and the rollup rows it covers are read together. Each table is read once for the
    // region and all its children (rows tagged with their child), not once per child.
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const children = await this.regions.childrenOf([region.id]);
      const read = await this.read(m, region, children, d0, d1);
      const top = this.figures(region, from, to, d0, d1, read.part(null));
      top.children = children.map((c) => this.figures(c, from, to, d0, d1, read.part(c)));
      return pub ? suppress(top) : top;
    });
  }

  /** The region's rollup-backed fact rows over the whole period (its own cell); exposed for the property test. */
  facts(path: string, d0: string, d1: string): Promise<FactCell> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      await this.repo.reportSettings(m);
      const { sums, histograms } = await this.repo.facts(m, path, d0, d1);
      return { sums: sums.filter((f) => f.whole && f.month === null), histograms };
    });
  }

  /** Rolls finished months and days into the rollups (the scheduler's step; safe across instances). Returns the steps taken. */
  async rollUp(): Promise<number> {
    let steps = 0;
    for (;;) {
      const done = await this.repo.rollUp(await this.repo.finishedDay());
      if (!done) return steps;
      steps++;
    }
  }

  async attributes(actor: Actor, regionId: string): Promise<RegionAttributes> {
    const region = await this.region(regionId);
    if (!actor.can(Permission.STATS_READ, { regionPath: region.path })) throw statsErrors.forbidden();
    const [row] = await this.repo.attributes([region.id]);
    return toAttributes(region.id, row);
  }

  async setAttributes(actor: Actor, input: SetRegionAttributesInput): Promise<RegionAttributes> {
    const region = await this.region(input.regionId);
    if (!actor.can(Permission.STATS_ATTRIBUTES_SET, { regionPath: region.path })) throw statsErrors.attributesForbidden();
    for (const [k, v] of [
      ['registeredPopulation', input.registeredPopulation],
      ['residentPopulation', input.residentPopulation],
      ['elderlyPopulation', input.elderlyPopulation],
    ] as const) {
      if (v !== undefined && v !== null && (!Number.isInteger(v) || v < 0 || v > 50_000_000)) throw statsErrors.attributeInvalid(`${k} 须为 0–50000000 的整数`);
    }
    if (input.elderlyPopulation != null && input.residentPopulation != null && input.elderlyPopulation > input.residentPopulation)
      throw statsErrors.attributeInvalid('60 岁以上人口不能多于常住人口');
    if (input.socialWorkersPer10kTarget != null && !(input.socialWorkersPer10kTarget >= 0 && input.socialWorkersPer10kTarget <= 10000))
      throw statsErrors.attributeInvalid('每万人社工目标须为 0–10000');
    if (input.certifiedWorkerShareTarget != null && !(input.certifiedWorkerShareTarget >= 0 && input.certifiedWorkerShareTarget <= 1))
      throw statsErrors.attributeInvalid('持证占比目标须为 0–1');
    const unknown = (input.coveredCategories ?? []).filter((c) => !(ONE_WINDOW_CATEGORIES as readonly string[]).includes(c));
    if (unknown.length > 0) throw statsErrors.attributeInvalid(`未知服务类别 ${unknown.join('、')}`);
    return this.db.transaction(async (m) => {
      const [cur] = await this.repo.attributes([region.id], m);
      const next: RegionAttributesRow = {
        region_id: region.id,
        registered_population: input.registeredPopulation !== undefined ? input.registeredPopulation : (cur?.registered_population ?? null),
        resident_population: input.residentPopulation !== undefined ? input.residentPopulation : (cur?.resident_population ?? null),
        elderly_population: input.elderlyPopulation !== undefined ? input.elderlyPopulation : (cur?.elderly_population ?? null),
        kind: input.kind !== undefined ? input.kind : (cur?.kind ?? null),
        has_volunteer_station: input.hasVolunteerStation ?? cur?.has_volunteer_station ?? false,
        covered_categories: input.coveredCategories ? [...new Set(input.coveredCategories)] : (cur?.covered_categories ?? []),
        social_workers_per_10k_target:
          input.socialWorkersPer10kTarget !== undefined ? input.socialWorkersPer10kTarget : (cur?.social_workers_per_10k_target ?? null),
        certified_worker_share_target:
          input.certifiedWorkerShareTarget !== undefined ? input.certifiedWorkerShareTarget : (cur?.certified_worker_share_target ?? null),
      };
      await this.repo.upsertAttributes(m, next, actor.personId);
      return toAttributes(region.id, next);
    });
  }

  async setQualification(actor: Actor, personId: string, qualified: boolean, certificateNo: string | null): Promise<boolean> {
    if (!isUuid(personId)) throw statsErrors.notCommunityWorker();
    return this.db.transaction(async (m) => {
      const paths = await this.repo.communityWorkerPaths(m, personId);
      if (paths.length === 0) throw statsErrors.notCommunityWorker();
      if (!paths.some((p) => actor.can(Permission.STATS_ATTRIBUTES_SET, { regionPath: p }))) throw statsErrors.attributesForbidden();
      if (certificateNo !== null && (certificateNo.length < 1 || certificateNo.length > 30)) throw statsErrors.attributeInvalid('证书编号 1–30 字');
      await this.repo.setQualification(m, personId, qualified, certificateNo, actor.personId);
      return qualified;
    });
  }

  /**
   * Reads everything a region's figures and its children's come from, in one pass per table (7 queries whatever
   * the number of children), and hands out each region's part: the region's own (`null`: every row) or a child's
   * (the rows tagged with its path).
   */
  private async read(m: EntityManager, region: Region, children: Region[], d0: string, d1: string) {
    await this.repo.reportSettings(m);
    const facts = await this.repo.facts(m, region.path, d0, d1);
    const active = await this.repo.activeVolunteers(m, region.path, d0, d1);
    const visits = await this.repo.visits(m, region.path, d0, d1);
    const projects = await this.repo.projects(m, region.path, d0, d1);
    const communities = await this.repo.communities(m, region.path, d0, d1);
    const registered = await this.repo.registeredVolunteers(m, region.path, d1);
    const attrs = new Map((await this.repo.attributes([region.id, ...children.map((c) => c.id)], m)).map((a) => [a.region_id, a]));
    const part = (child: Region | null): RegionPart => {
      const mine = <T extends { child: string | null }>(rows: T[]) => (child === null ? rows : rows.filter((r) => r.child === child.path));
      const byStatus = new Map<string, { status: string; count: number; budgetFen: number }>();
      for (const p of mine(projects.byStatus)) {
        const b = byStatus.get(p.status) ?? { status: p.status, count: 0, budgetFen: 0 };
        byStatus.set(p.status, { status: p.status, count: b.count + p.count, budgetFen: b.budgetFen + p.budgetFen });
      }
      return {
        facts: {
          sums: facts.sums.filter((f) => (child === null ? f.whole : !f.whole && f.child === child.path)),
          histograms: mine(facts.histograms),
        },
        active: child === null ? active.filter((a) => a.whole) : active.filter((a) => !a.whole && a.child === child.path),
        visits: mine(visits),
        projectsByStatus: [...byStatus.values()].sort((a, b) => a.status.localeCompare(b.status)),
        disbursedFen: mine(projects.disbursed).reduce((a, d) => a + d.fen, 0),
        communities: child === null ? communities : communities.filter((c) => c.path === child.path || c.path.startsWith(`${child.path}.`)),
        registered: mine(registered).reduce((a, r) => a + r.n, 0),
        attrs: attrs.get((child ?? region).id),
      };
    };
    return { part };
  }

  private figures(region: Region, from: Date, to: Date, d0: string, d1: string, p: RegionPart): RegionStats {
    const { facts, active, visits, communities, attrs } = p;
    const kinds = new Set(communities.map((c) => c.kind));
    const kind = attrs?.kind ?? (kinds.size === 1 ? [...kinds][0] : null);
    const months = [
      ...new Set([
        ...facts.sums.filter((f) => f.month).map((f) => f.month!),
        ...facts.histograms.map((h) => h.month),
        ...visits.map((v) => v.month),
        ...active.filter((a) => a.month).map((a) => a.month!),
      ]),
    ].sort();
    // The period's cell: its sums, and every month's histograms (merged for the medians).
    const period: FactCell = { sums: facts.sums.filter((f) => f.month === null), histograms: facts.histograms };
    const ofMonth = (mo: string): FactCell => ({ sums: facts.sums.filter((f) => f.month === mo), histograms: facts.histograms.filter((h) => h.month === mo) });
    const visitSum = (vs: typeof visits) =>
      vs.reduce((a, v) => ({ due: a.due + v.due, done: a.done + v.done, missed: a.missed + v.missed }), { due: 0, done: 0, missed: 0 });
    const month = (name: string, o: Operations, act: number, vs: typeof visits): RegionStatsMonth => {
      const v = visitSum(vs);
      return {
        month: name,
        volunteersActive: act,
        needsPosted: o.needsPosted,
        needsClosed: o.needsClosed,
        needsCancelled: o.needsCancelled,
        needsExpired: o.needsExpired,
        minutesServed: o.minutesServed,
        minutesBanked: o.minutesBanked,
        minutesTransferred: o.minutesTransferred,
        minutesDonated: o.minutesDonated,
        medianMinutesToAccept: o.medianMinutesToAccept,
        medianMinutesToClaim: o.medianMinutesToClaim,
        onTimeRate: o.onTimeRate,
        ratings: o.ratings,
        satisfactionRate: o.satisfactionRate,
        escalations: o.escalations,
        noShows: o.noShows,
        visitsDue: v.due,
        visitsDone: v.done,
        visitsMissed: v.missed,
      };
    };
    const o = operations(period);
    const all = month(`${d0.slice(0, 7)}…${d1.slice(0, 7)}`, o, active.find((a) => a.month === null)?.n ?? 0, visits);
    const inds = indicators(communities, visits, kind, {
      socialWorkersPer10k: attrs?.social_workers_per_10k_target ?? null,
      certifiedWorkerShare: attrs?.certified_worker_share_target ?? null,
    });
    return {
      ...all,
      region,
      from,
      to,
      suppressed: false,
      volunteersRegistered: p.registered,
      visitRate: ratio(all.visitsDone ?? 0, all.visitsDue ?? 0),
      needsByCategory: o.byCategory,
      projectsByStatus: p.projectsByStatus,
      projectsBudgetFen: p.projectsByStatus.reduce((a, s) => a + s.budgetFen, 0),
      projectsDisbursedFen: p.disbursedFen,
      indicators: inds.map(toIndicator),
      series: months.map((mo) =>
        month(
          mo,
          operations(ofMonth(mo)),
          active.find((a) => a.month === mo)?.n ?? 0,
          visits.filter((v) => v.month === mo),
        ),
      ),
      children: [],
      personCountsOf: inds,
    } as RegionStats;
  }

  private checkPeriod(from: Date, to: Date): void {
    if (!(from instanceof Date) || !(to instanceof Date) || Number.isNaN(+from) || Number.isNaN(+to) || +from >= +to || +to - +from > 3 * 366 * 86_400_000)
      throw statsErrors.periodInvalid();
  }

  private async region(id: string): Promise<Region> {
    if (!isUuid(id)) throw statsErrors.regionNotFound();
    const [r] = await this.regions.byIds([id]);
    if (!r) throw statsErrors.regionNotFound();
    return r;
  }
}

const toIndicator = (i: IndicatorValue) => ({
  code: i.code,
  name: i.name,
  value: i.value,
  target: i.target,
  met: i.met,
  numerator: i.numerator,
  denominator: i.denominator,
  suppressed: false,
});

const toAttributes = (regionId: string, r: RegionAttributesRow | undefined): RegionAttributes => ({
  regionId,
  registeredPopulation: r?.registered_population ?? null,
  residentPopulation: r?.resident_population ?? null,
  elderlyPopulation: r?.elderly_population ?? null,
  kind: (r?.kind as RegionKind | null) ?? null,
  hasVolunteerStation: r?.has_volunteer_station ?? false,
  coveredCategories: r?.covered_categories ?? [],
  socialWorkersPer10kTarget: r?.social_workers_per_10k_target == null ? null : Number(r.social_workers_per_10k_target),
  certifiedWorkerShareTarget: r?.certified_worker_share_target == null ? null : Number(r.certified_worker_share_target),
});
