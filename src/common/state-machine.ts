import type { EntityManager } from 'typeorm';

/**
 * A generic state machine as data (docs/architecture.md "State machines"): one table of transitions per
 * aggregate (needs, projects, visit tasks, …), read by the service, the scheduler and the tests. The engine
 * decides, the aggregate's store applies a typed patch and records history, all in the caller's transaction.
 */
export interface TransitionRule<S extends string, A extends string, P extends string> {
  action: A;
  /** States from which the action may fire. */
  from: readonly S[];
  /** The state it leads to; null = the status stays (a flag or a side record changes). */
  to: S | null;
  /** Parties (how an actor relates to the aggregate) that may fire it. */
  by: readonly P[];
  /** The actor must give a reason (一次告知 for refusals). */
  needsReason?: boolean;
  /**
   * Conditions (named facts about the aggregate when deciding, e.g. a need's `WINDOW_PASSED`) under which the
   * action is refused as CONFLICT with the condition as reason, even by an allowed party.
   */
  refusedWhen?: readonly string[];
  /** Where the action leads instead while a condition holds (the first listed that holds). */
  redirectWhen?: Readonly<Partial<Record<string, S>>>;
}

const NO_CONDITIONS: ReadonlySet<string> = new Set();

export type Decision<S extends string> = { ok: true; to: S } | { ok: false; code: 'CONFLICT' | 'FORBIDDEN'; reason?: string };

export class StateMachine<S extends string, A extends string, P extends string, R extends TransitionRule<S, A, P> = TransitionRule<S, A, P>> {
  private readonly byAction = new Map<A, R>();

  constructor(
    readonly name: string,
    readonly rules: readonly R[],
  ) {
    for (const r of rules) {
      if (this.byAction.has(r.action)) throw new Error(`${name}: duplicate transition ${r.action}`);
      this.byAction.set(r.action, r);
    }
  }

  rule(action: A): R {
    const r = this.byAction.get(action);
    if (!r) throw new Error(`${this.name}: no transition ${action}`);
    return r;
  }

  /** States from which `action` may fire (status lists derive from here, never from literals). */
  from(action: A): readonly S[] {
    return this.rule(action).from;
  }

  /** Actions that may fire from `status`, in table order. */
  actionsFrom(status: S): A[] {
    return this.rules.filter((r) => r.from.includes(status)).map((r) => r.action);
  }

  /**
   * Whether `parties` may fire `action` on an aggregate in `status`. Wrong state is CONFLICT whoever asks (the
   * aggregate moved on); the right state but no allowed party is FORBIDDEN. `allow` narrows a party further for
   * one aggregate (e.g. staff may confirm a need only when it was posted by a proxy). `conditions` are the facts
   * that hold for the aggregate now: a rule's `refusedWhen` refuses (CONFLICT, reason = the condition), its
   * `redirectWhen` changes the target.
   */
  decide(
    status: S,
    action: A,
    parties: ReadonlySet<P>,
    allow: (party: P, rule: R) => boolean = () => true,
    conditions: ReadonlySet<string> = NO_CONDITIONS,
  ): Decision<S> {
    const r = this.rule(action);
    if (!r.from.includes(status)) return { ok: false, code: 'CONFLICT' };
    if (!r.by.some((p) => parties.has(p) && allow(p, r))) return { ok: false, code: 'FORBIDDEN' };
    const refused = r.refusedWhen?.find((c) => conditions.has(c));
    if (refused) return { ok: false, code: 'CONFLICT', reason: refused };
    const redirect = Object.entries(r.redirectWhen ?? {}).find(([c]) => conditions.has(c))?.[1];
    return { ok: true, to: redirect ?? r.to ?? status };
  }
}

/** One history row: who moved which aggregate from where to where, why, and with what data. */
export interface HistoryEntry<S extends string, A extends string> {
  id: string;
  action: A;
  from: S;
  to: S;
  actorId: string | null;
  reason: string | null;
  data?: unknown;
}

/** The persistence side of one aggregate, implemented by its repository. */
export interface TransitionStore<E, S extends string, A extends string, Patch> {
  /** The row, locked FOR UPDATE in `m`; null when it does not exist. */
  lock(m: EntityManager, id: string): Promise<E | null>;
  statusOf(entity: E): S;
  /** Writes the new status and the typed patch (never raw column names from callers). */
  apply(m: EntityManager, id: string, to: S, patch: Patch | undefined): Promise<void>;
  recordHistory(m: EntityManager, entry: HistoryEntry<S, A>): Promise<void>;
}

/** How the engine reports refusals: each aggregate maps them to its own error catalog. */
export interface TransitionErrors<S extends string> {
  notFound(): Error;
  forbidden(): Error;
  illegal(status: S): Error;
  reasonRequired(): Error;
  /** A rule's `refusedWhen` condition holds (defaults to `illegal`). */
  refused?(condition: string, status: S): Error;
}

export interface FireRequest<E, S extends string, A extends string, P extends string, Patch> {
  id: string;
  action: A;
  actorId: string | null;
  reason?: string | null;
  /** How the actor relates to this aggregate (computed on the locked row). */
  partiesOf(entity: E): Promise<ReadonlySet<P>> | ReadonlySet<P>;
  /** Narrows the decision for this aggregate (see `StateMachine.decide`). */
  allow?: (party: P, rule: TransitionRule<S, A, P>) => boolean;
  /** The conditions that hold for this aggregate now (see `TransitionRule.refusedWhen` / `redirectWhen`). */
  conditions?(entity: E): ReadonlySet<string>;
  /** Effects decided on the locked row: the typed patch and extra history data. Throwing rolls everything back. */
  effects?(entity: E, to: S): Promise<{ patch?: Patch; data?: unknown; reason?: string | null } | void>;
  errors: TransitionErrors<S>;
}

/**
 * The one way an aggregate changes state: lock → decide from the table → effects → typed patch → history, in
 * the caller's transaction `m`. Returns the row as it was and the states.
 */
export async function fireTransition<E, S extends string, A extends string, P extends string, Patch>(
  m: EntityManager,
  machine: StateMachine<S, A, P>,
  store: TransitionStore<E, S, A, Patch>,
  req: FireRequest<E, S, A, P, Patch>,
): Promise<{ before: E; from: S; to: S }> {
  const rule = machine.rule(req.action);
  const reason = req.reason?.trim() || null;
  if (rule.needsReason && !reason) throw req.errors.reasonRequired();
  const entity = await store.lock(m, req.id);
  if (!entity) throw req.errors.notFound();
  const from = store.statusOf(entity);
  const parties = await req.partiesOf(entity);
  const d = machine.decide(from, req.action, parties, req.allow, req.conditions?.(entity));
  if (!d.ok) {
    if (d.code === 'FORBIDDEN') throw req.errors.forbidden();
    throw d.reason ? (req.errors.refused?.(d.reason, from) ?? req.errors.illegal(from)) : req.errors.illegal(from);
  }
  const effects = (await req.effects?.(entity, d.to)) ?? {};
  await store.apply(m, req.id, d.to, effects.patch);
  await store.recordHistory(m, { id: req.id, action: req.action, from, to: d.to, actorId: req.actorId, reason: effects.reason ?? reason, data: effects.data });
  return { before: entity, from, to: d.to };
}
