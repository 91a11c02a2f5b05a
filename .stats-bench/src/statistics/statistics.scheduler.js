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
import { StatisticsService } from './statistics.service.js';
/**
 * Rolls finished days into stats_daily on the need scheduler's interval. Every instance may run it: the watermark
 * row is taken FOR UPDATE SKIP LOCKED, so one instance rolls a day slice and the others skip (docs/statistics.md).
 */
let StatisticsScheduler = class StatisticsScheduler {
    service;
    config;
    timer = null;
    running = null;
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
                this.running = this.service.rollUp()
                    .then((days) => { if (days)
                    logger.info('statistics rollup', { slices: days }); })
                    .catch((err) => logger.error('statistics rollup failed', { message: String(err) }))
                    .finally(() => (this.running = null));
            }, every * 1000);
            this.timer.unref();
        }
    }
    async onApplicationShutdown() {
        if (this.timer)
            clearInterval(this.timer);
        await this.running;
    }
};
StatisticsScheduler = __decorate([
    Injectable(),
    __param(1, Inject(APP_CONFIG)),
    __metadata("design:paramtypes", [StatisticsService, Object])
], StatisticsScheduler);
export { StatisticsScheduler };
//# sourceMappingURL=statistics.scheduler.js.map