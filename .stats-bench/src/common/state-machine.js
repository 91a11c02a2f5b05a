const NO_CONDITIONS = new Set();
export class StateMachine {
    name;
    rules;
    byAction = new Map();
    constructor(name, rules) {
        this.name = name;
        this.rules = rules;
        for (const r of rules) {
            if (this.byAction.has(r.action))
                throw new Error(`${name}: duplicate transition ${r.action}`);
            this.byAction.set(r.action, r);
        }
    }
    rule(action) {
        const r = this.byAction.get(action);
        if (!r)
            throw new Error(`${this.name}: no transition ${action}`);
        return r;
    }
    /** States from which `action` may fire (status lists derive from here, never from literals). */
    from(action) {
        return this.rule(action).from;
    }
    /** Actions that may fire from `status`, in table order. */
    actionsFrom(status) {
        return this.rules.filter((r) => r.from.includes(status)).map((r) => r.action);
    }
    /**
     * Whether `parties` may fire `action` on an aggregate in `status`. Wrong state is CONFLICT whoever asks (the
     * aggregate moved on); the right state but no allowed party is FORBIDDEN. `allow` narrows a party further for
     * one aggregate (e.g. staff may confirm a need only when it was posted by a proxy). `conditions` are the facts
     * that hold for the aggregate now: a rule's `refusedWhen` refuses (CONFLICT, reason = the condition), its
     * `redirectWhen` changes the target.
     */
    decide(status, action, parties, allow = () => true, conditions = NO_CONDITIONS) {
        const r = this.rule(action);
        if (!r.from.includes(status))
            return { ok: false, code: 'CONFLICT' };
        if (!r.by.some((p) => parties.has(p) && allow(p, r)))
            return { ok: false, code: 'FORBIDDEN' };
        const refused = r.refusedWhen?.find((c) => conditions.has(c));
        if (refused)
            return { ok: false, code: 'CONFLICT', reason: refused };
        const redirect = Object.entries(r.redirectWhen ?? {}).find(([c]) => conditions.has(c))?.[1];
        return { ok: true, to: redirect ?? r.to ?? status };
    }
}
/**
 * The one way an aggregate changes state: lock → decide from the table → effects → typed patch → history, in
 * the caller's transaction `m`. Returns the row as it was and the states.
 */
export async function fireTransition(m, machine, store, req) {
    const rule = machine.rule(req.action);
    const reason = req.reason?.trim() || null;
    if (rule.needsReason && !reason)
        throw req.errors.reasonRequired();
    const entity = await store.lock(m, req.id);
    if (!entity)
        throw req.errors.notFound();
    const from = store.statusOf(entity);
    const parties = await req.partiesOf(entity);
    const d = machine.decide(from, req.action, parties, req.allow, req.conditions?.(entity));
    if (!d.ok) {
        if (d.code === 'FORBIDDEN')
            throw req.errors.forbidden();
        throw d.reason ? (req.errors.refused?.(d.reason, from) ?? req.errors.illegal(from)) : req.errors.illegal(from);
    }
    const effects = (await req.effects?.(entity, d.to)) ?? {};
    await store.apply(m, req.id, d.to, effects.patch);
    await store.recordHistory(m, { id: req.id, action: req.action, from, to: d.to, actorId: req.actorId, reason: effects.reason ?? reason, data: effects.data });
    return { before: entity, from, to: d.to };
}
//# sourceMappingURL=state-machine.js.map