import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CharityService } from '../charity/charity.service.js';
import { EndedNeed, NeedCancellationHooks, NeedCancellationListener } from '../common/need-cancelled.js';
import { isUuid } from '../common/ids.js';
import { MatchingService } from '../matching/matching.service.js';
import { CATEGORY_LABEL, NeedCategory } from '../needs/need.model.js';
import type { NeedRecord as Need } from '../needs/need.record.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import { Region } from '../regions/region.model.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { Resource, ResourceKind } from '../resources/resource.model.js';
import { ResourcesRepository } from '../resources/resources.repository.js';
import { Actor, pathWithin, ScopePaths } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { brokeringErrors } from './brokering.errors.js';
import { BookResourceInput, BookingStatus, DemandGroup, ResourceBooking, ResourceDay, ResourceGap, ResourceMatch } from './brokering.model.js';
import { BrokeringRepository, DemandNeedRow, ReachRow } from './brokering.repository.js';
import { scoreResource, shanghaiTime } from './resource-scoring.js';

const DAY = 24 * 3600_000;
/** A need still to be served may book resources. */
const LIVE = ['SUBMITTED', 'ACCEPTED', 'OPEN', 'CLAIMED', 'IN_SERVICE'];
/** Waiting for a volunteer: nobody holds it. */
const WAITING = ['SUBMITTED', 'ACCEPTED', 'OPEN'];
/** What `proposeProject(needIds)` accepts (the needs module's link rule). */
const LINKABLE = ['SUBMITTED', 'ACCEPTED', 'OPEN', 'EXPIRED'];

const overlaps = (scopes: ScopePaths, path: string) => scopes === 'ALL' || scopes.some((s) => pathWithin(path, s) || pathWithin(s, path));

/**
 * Three-list brokering 三项清单对接 (docs/brokering.md): needs ranked against resources, bookings that take a
 * resource's daily capacity, the unmet-demand board and resource gaps.
 */
@Injectable()
export class BrokeringService implements OnModuleInit, NeedCancellationListener {
  constructor(
    private readonly db: DataSource,
    private readonly repo: BrokeringRepository,
    private readonly needs: NeedsRepository,
    private readonly resources: ResourcesRepository,
    private readonly regions: RegionsRepository,
    private readonly matching: MatchingService,
    private readonly charity: CharityService,
    private readonly cancellations: NeedCancellationHooks,
  ) {}

  onModuleInit(): void {
    this.cancellations.register(this);
  }

  // ---------------------------------------------------------------- ranking

  private async needInScope(actor: Actor, needId: string, m?: EntityManager): Promise<Need> {
    if (!isUuid(needId)) throw brokeringErrors.needNotFound();
    const need = m ? await this.needs.lock(m, needId) : (await this.needs.byIds([needId]))[0];
    if (!need) throw brokeringErrors.needNotFound();
    if (!actor.can(Permission.RESOURCE_BOOK, { regionPath: need.gridPath })) throw brokeringErrors.needOutOfScope();
    return need;
  }

  /** Scores every resource the indexes find for the need (category and area), best first. */
  private async ranked(
    need: Need,
    quantity = 1,
    m: EntityManager = this.db.manager,
  ): Promise<{ id: string; score: number; reasons: string[]; remaining: number | null; excluded: string[] }[]> {
    const start = shanghaiTime(need.windowStart);
    const end = shanghaiTime(need.windowEnd);
    const endMinute = end.day === start.day ? end.minute : 24 * 60;
    const rows = await this.repo.matchRows(need.gridPath, need.category, start.day, m);
    const slots = rows.length
      ? await this.resources.availabilityOf(
          rows.map((r) => r.id),
          m,
        )
      : [];
    const time = { category: need.category, categoryLabel: CATEGORY_LABEL[need.category], weekday: start.weekday, startMinute: start.minute, endMinute };
    return rows
      .map((r) => ({ id: r.id, ...scoreResource(time, { ...r, slots: slots.filter((s) => s.resourceId === r.id) }, quantity) }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }

  async matchResources(actor: Actor, needId: string, first: number): Promise<ResourceMatch[]> {
    const need = await this.needInScope(actor, needId);
    const fit = (await this.ranked(need)).filter((r) => r.excluded.length === 0).slice(0, first);
    const byId = new Map((await this.resources.byIds(fit.map((r) => r.id))).map((r) => [r.id, r]));
    return fit.map((r, i) => ({ resource: byId.get(r.id)!, rank: i + 1, score: r.score, reasons: r.reasons, remaining: r.remaining }));
  }

  explainMatch(need: { gridPath: string; category: string }, day: string): Promise<string> {
    return this.repo.explainMatch(need.gridPath, need.category, day);
  }

  // ---------------------------------------------------------------- bookings

  /**
   * Takes `quantity` of the resource's capacity for the need's date. The need row and then the resource row are
   * locked, so bookings of one resource are serialized and the sum of a day never passes its capacity.
   */
  async book(actor: Actor, input: BookResourceInput): Promise<ResourceBooking> {
    if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > 1000) throw brokeringErrors.quantity();
    if (!isUuid(input.resourceId)) throw brokeringErrors.resourceNotFound();
    return this.db.transaction(async (m) => {
      const need = await this.needInScope(actor, input.needId, m);
      const resource = await this.resources.lock(m, input.resourceId);
      if (!resource) throw brokeringErrors.resourceNotFound();
      if (!overlaps(actor.scopeOf(Permission.RESOURCE_BOOK), resource.path)) throw brokeringErrors.resourceOutOfScope();
      if (!LIVE.includes(need.status)) throw brokeringErrors.needNotLive();
      if (!resource.active) throw brokeringErrors.resourceInactive();
      const fit = (await this.ranked(need, input.quantity, m)).find((r) => r.id === resource.id);
      if (!fit) throw brokeringErrors.notSuitable(`不提供「${CATEGORY_LABEL[need.category]}」服务或服务区域不覆盖需求所在网格`);
      const day = shanghaiTime(need.windowStart).day;
      // Re-read under the resource lock: the ranking above read outside it.
      const booked = await this.repo.bookedOn(m, resource.id, day);
      if (resource.capacity !== null && booked + input.quantity > resource.capacity) throw brokeringErrors.capacity(Math.max(0, resource.capacity - booked));
      const why = fit.excluded.filter((e) => !e.startsWith('当日已约满'));
      if (why.length > 0) throw brokeringErrors.notSuitable(why.join('；'));
      const charityEntryId = await this.takeGoods(m, resource, need, input.quantity, actor.personId);
      return this.repo.insert(m, { needId: need.id, resourceId: resource.id, day, quantity: input.quantity, bookedBy: actor.personId, charityEntryId });
    });
  }

  /** Charity-supermarket goods leave the stock through the charity's own entries (a GRANT to the need). */
  private async takeGoods(m: EntityManager, resource: Resource, need: Need, quantity: number, by: string): Promise<string | null> {
    if (resource.kind !== ResourceKind.GOODS || !resource.charityId) return null;
    if (!resource.capacityUnit) throw brokeringErrors.goodsUnknown();
    const entry = await this.charity.grant(m, {
      charityId: resource.charityId,
      target: { type: 'NEED', id: need.id },
      item: { name: resource.name, unit: resource.capacityUnit, quantity },
      purpose: `资源预订：${need.title}`,
      recordedBy: by,
    });
    return entry.id;
  }

  async cancelBooking(actor: Actor, id: string): Promise<ResourceBooking> {
    if (!isUuid(id)) throw brokeringErrors.bookingNotFound();
    return this.db.transaction(async (m) => {
      const booking = await this.repo.lock(m, id);
      if (!booking) throw brokeringErrors.bookingNotFound();
      const [need] = await this.needs.byIds([booking.needId], m);
      if (!actor.can(Permission.RESOURCE_BOOK, { regionPath: need.gridPath })) throw brokeringErrors.needOutOfScope();
      const [resource] = await this.resources.byIds([booking.resourceId], m);
      if (!overlaps(actor.scopeOf(Permission.RESOURCE_BOOK), resource.path)) throw brokeringErrors.resourceOutOfScope();
      if (booking.status !== BookingStatus.ACTIVE) throw brokeringErrors.alreadyCancelled();
      return this.release(m, booking, actor.personId, '取消预订');
    });
  }

  private async release(m: EntityManager, booking: ResourceBooking, by: string | null, reason: string | null): Promise<ResourceBooking> {
    if (booking.charityEntryId) await this.charity.returnGrant(m, booking.charityEntryId, by ?? booking.bookedBy, reason ?? '预订取消，物资退回库存');
    return this.repo.cancel(m, booking.id, by, reason);
  }

  /** The need was cancelled or rejected: its bookings give their capacity (and goods) back, in that transaction. */
  async onNeedCancelled(m: EntityManager, need: EndedNeed): Promise<void> {
    for (const b of await this.repo.lockActiveOfNeed(m, need.needId))
      await this.release(m, b, need.by, `需求已取消${need.reason ? '：' + need.reason : ''}`.slice(0, 200));
  }

  bookingsOf(needIds: readonly string[]): Promise<ResourceBooking[]> {
    return this.repo.ofNeeds(needIds);
  }

  /** A resource's days from `from` to `to` (Asia/Shanghai dates, inclusive): capacity, booked, remaining. */
  async calendar(resource: Resource, from: Date, to: Date): Promise<ResourceDay[]> {
    const first = shanghaiTime(from).day;
    const last = shanghaiTime(to).day;
    const days = Math.round((Date.parse(last) - Date.parse(first)) / DAY) + 1;
    if (!(days >= 1 && days <= 92)) throw brokeringErrors.calendarPeriod();
    const booked = await this.repo.calendar(resource.id, first, last);
    return Array.from({ length: days }, (_, i) => {
      const day = new Date(Date.parse(first) + i * DAY).toISOString().slice(0, 10);
      const q = booked.get(day) ?? 0;
      return { day, capacity: resource.capacity, booked: q, remaining: resource.capacity === null ? null : Math.max(0, resource.capacity - q) };
    });
  }

  // ---------------------------------------------------------------- demand board and gaps

  private async demandScope(actor: Actor, regionId: string, from: Date, to: Date): Promise<{ region: Region; scopes: ScopePaths }> {
    if (!(from instanceof Date) || !(to instanceof Date) || to.getTime() <= from.getTime() || to.getTime() - from.getTime() > 366 * DAY)
      throw brokeringErrors.period();
    const [region] = isUuid(regionId) ? await this.regions.byIds([regionId]) : [];
    if (!region) throw brokeringErrors.regionNotFound();
    const scopes = actor.scopeOf(Permission.DEMAND_READ);
    if (!overlaps(scopes, region.path)) throw brokeringErrors.regionOutOfScope();
    return { region, scopes };
  }

  private groupRows(rows: DemandNeedRow[]): Map<string, DemandNeedRow[]> {
    const groups = new Map<string, DemandNeedRow[]>();
    for (const r of rows) {
      const key = `${r.communityId}|${r.category}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    return groups;
  }

  private reachOf(reach: ReachRow[], communityPath: string, category: string): ReachRow[] {
    return reach.filter((x) => x.categories.includes(category) && (pathWithin(x.path, communityPath) || pathWithin(communityPath, x.path)));
  }

  /**
   * 需求梳理: needs whose window starts in [from, to), by community × category, with how many wait without any
   * eligible volunteer now, breached a deadline or expired; groups with the most unmet needs first.
   */
  async unmetDemand(actor: Actor, regionId: string, from: Date, to: Date, now = new Date()): Promise<(DemandGroup & { resourceIds: string[] })[]> {
    const { region, scopes } = await this.demandScope(actor, regionId, from, to);
    const rows = await this.repo.demandNeeds(region.path, scopes, from, to);
    const reach = await this.repo.inReach(region.path, shanghaiTime(from).day, shanghaiTime(to).day);
    const groups: (DemandGroup & { resourceIds: string[] })[] = [];
    for (const list of this.groupRows(rows).values()) {
      const { communityId, communityPath, category } = list[0];
      let withoutCandidate = 0;
      for (const n of list) {
        if (!WAITING.includes(n.status) || n.held || n.projectId || n.windowEnd.getTime() <= now.getTime()) continue;
        if ((await this.matching.candidates(n.id, 1)).length === 0) withoutCandidate++;
      }
      groups.push({
        category: category as NeedCategory,
        communityId,
        path: communityPath,
        needCount: list.length,
        withoutCandidateCount: withoutCandidate,
        breachedCount: list.filter((n) => n.breached).length,
        expiredCount: list.filter((n) => n.status === 'EXPIRED').length,
        demandMinutes: list.reduce((s, n) => s + n.estimatedMinutes, 0),
        needIds: list.filter((n) => LINKABLE.includes(n.status) && !n.projectId && !n.held).map((n) => n.id),
        projectIds: [...new Set(list.map((n) => n.projectId).filter((p): p is string => !!p))],
        allNeedIds: list.map((n) => n.id),
        resourceIds: this.reachOf(reach, communityPath, category).map((x) => x.id),
      });
    }
    const unmet = (g: DemandGroup) => g.withoutCandidateCount + g.breachedCount + g.expiredCount;
    return groups.sort((a, b) => unmet(b) - unmet(a) || b.needCount - a.needCount || a.path.localeCompare(b.path) || a.category.localeCompare(b.category));
  }

  /** 资源缺口: per community and category, the period's demand against the capacity of the resources in reach. */
  async resourceGaps(actor: Actor, regionId: string, from: Date, to: Date): Promise<ResourceGap[]> {
    const { region, scopes } = await this.demandScope(actor, regionId, from, to);
    const rows = await this.repo.demandNeeds(region.path, scopes, from, to);
    const reach = await this.repo.inReach(region.path, shanghaiTime(from).day, shanghaiTime(to).day);
    const days = Math.max(1, Math.ceil((to.getTime() - from.getTime()) / DAY));
    const gaps: ResourceGap[] = [];
    for (const list of this.groupRows(rows).values()) {
      const { communityId, communityPath, category } = list[0];
      const serving = this.reachOf(reach, communityPath, category);
      const limited = serving.filter((x) => x.capacity !== null);
      const capacityInPeriod = limited.reduce((s, x) => s + x.capacity! * days, 0);
      const left = Math.max(0, capacityInPeriod - limited.reduce((s, x) => s + x.bookedInPeriod, 0));
      const waiting = list.filter((n) => WAITING.includes(n.status) && !n.held && !n.booked).length;
      const unlimited = serving.length - limited.length;
      gaps.push({
        category: category as NeedCategory,
        communityId,
        needCount: list.length,
        demandMinutes: list.reduce((s, n) => s + n.estimatedMinutes, 0),
        bookedNeedCount: list.filter((n) => n.booked).length,
        resourceCount: serving.length,
        capacityInPeriod,
        unlimitedResourceCount: unlimited,
        shortfall: unlimited > 0 ? 0 : Math.max(0, waiting - left),
      });
    }
    return gaps.sort((a, b) => b.shortfall - a.shortfall || b.needCount - a.needCount || a.category.localeCompare(b.category));
  }
}
