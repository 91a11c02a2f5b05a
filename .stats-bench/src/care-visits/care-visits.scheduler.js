var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Inject, Injectable } from '@nestjs/common';
import { logger } from '../common/logging/logger.js';
import { APP_CONFIG } from '../config/config.js';
import { CareVisitsService } from './care-visits.service.js';
import { monthOf } from './visit-schedule.js';
const PLAN_EVERY_MS = 3600_000;
/**
 * 探访 scheduler. Every instance runs it on the need scheduler's interval; each step is safe across instances:
 * planning inserts against the unique key (enrolment, month, slot), overdue and missed tasks are taken with
 * FOR UPDATE SKIP LOCKED and moved through the transition table, so each is marked (and its callback opened) once.
 * `run(now)` is what the tests call, with a clock of their choosing.
 */
let CareVisitsScheduler = class CareVisitsScheduler {
    service;
    config;
    timer = null;
    running = null;
    lastPlanAt = 0;
    constructor(service, config) {
        this.service = service;
        this.config = config;
    }
    onApplicationBootstrap() {
        const every = this.config.needLoop.schedulerIntervalSeconds;
        if (every > 0) {
            this.timer = setInterval(() => {
                if (this.running)
                    return;
                // Planning walks the whole roster: once an hour is enough (it is idempotent); overdue and missed tasks every tick.
                const plan = Date.now() - this.lastPlanAt >= PLAN_EVERY_MS;
                if (plan)
                    this.lastPlanAt = Date.now();
                this.running = this.run(new Date(), { plan }).catch((err) => logger.error('care scheduler failed', { message: String(err) })).finally(() => (this.running = null));
            }, every * 1000);
            this.timer.unref();
        }
    }
    async onApplicationShutdown() {
        if (this.timer)
            clearInterval(this.timer);
        await this.running;
    }
    async run(now = new Date(), opts = { plan: true }) {
        const result = { planned: 0, overdue: 0, missed: 0 };
        if (opts.plan)
            for (const regionId of await this.service.rootRegionIds())
                result.planned += await this.service.plan(null, regionId, monthOf(now), now);
        for (let n = -1; n !== 0;)
            result.overdue += n = await this.service.markOverdue(now);
        for (let n = -1; n !== 0;)
            result.missed += n = await this.service.markMissed(now);
        if (result.planned || result.overdue || result.missed)
            logger.info('care scheduler', { ...result });
        return result;
    }
};
CareVisitsScheduler = __decorate([
    Injectable(),
    __param(1, Inject(APP_CONFIG)),
    __metadata("design:paramtypes", [CareVisitsService, Object])
], CareVisitsScheduler);
export { CareVisitsScheduler };
//# sourceMappingURL=care-visits.scheduler.js.map