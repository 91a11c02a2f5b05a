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
import pg from 'pg';
import { logger } from '../common/logging/logger.js';
import { DATABASE_URL } from '../database/database.module.js';
import { NotificationsRepository } from './notifications.repository.js';
export var NeedSignalType;
(function (NeedSignalType) {
    /** A need was dispatched to a volunteer (派单). */
    NeedSignalType["NEED_DISPATCHED"] = "NEED_DISPATCHED";
    /** A need changed state (to its beneficiary, poster and volunteer). */
    NeedSignalType["NEED_CHANGED"] = "NEED_CHANGED";
    /** A deadline was breached and the need escalated (to staff whose scope holds it). */
    NeedSignalType["DEADLINE_BREACHED"] = "DEADLINE_BREACHED";
})(NeedSignalType || (NeedSignalType = {}));
export const NEED_CHANNEL = 'wushe_need_events';
/**
 * Cross-instance notifications: a signal is sent with pg_notify inside the transaction that caused it (so it is
 * delivered only if that commits), and every app instance LISTENs on one dedicated connection and hands the
 * signals to its local subscribers. No in-process-only pubsub: an instance hears its own signals the same way.
 */
let NotificationBus = class NotificationBus {
    url;
    repo;
    client = null;
    subscribers = new Set();
    stopping = false;
    constructor(url, repo) {
        this.url = url;
        this.repo = repo;
    }
    async onModuleInit() {
        await this.connect();
    }
    async onApplicationShutdown() {
        this.stopping = true;
        for (const s of this.subscribers)
            this.subscribers.delete(s);
        await this.client?.end().catch(() => undefined);
    }
    async connect() {
        const client = new pg.Client({ connectionString: this.url, application_name: 'wushe-timebank-listen' });
        client.on('notification', (msg) => {
            if (msg.channel !== NEED_CHANNEL || !msg.payload)
                return;
            let signal;
            try {
                signal = JSON.parse(msg.payload);
            }
            catch {
                return;
            }
            for (const s of this.subscribers)
                s(signal);
        });
        client.on('error', (err) => {
            logger.warn('notification listener lost', { message: err.message });
            this.client = null;
            if (!this.stopping)
                setTimeout(() => void this.connect().catch(() => undefined), 1000).unref();
        });
        await client.connect();
        await this.repo.listen(client, NEED_CHANNEL);
        this.client = client;
    }
    /** Local subscriptions currently open on this instance (for health checks and tests). */
    get subscriberCount() {
        return this.subscribers.size;
    }
    /** Sends `signal` when `manager`'s transaction commits. */
    async publish(manager, signal) {
        await this.repo.notify(manager, NEED_CHANNEL, JSON.stringify({ ...signal, at: new Date().toISOString() }));
    }
    /** An async iterator of the signals that pass `filter`, until the client unsubscribes. */
    listen(filter) {
        const queue = [];
        const waiting = [];
        let done = false;
        const subscriber = (s) => {
            if (done || !filter(s))
                return;
            const w = waiting.shift();
            if (w)
                w({ value: s, done: false });
            else if (queue.length < 1000)
                queue.push(s);
        };
        this.subscribers.add(subscriber);
        const finish = () => {
            done = true;
            this.subscribers.delete(subscriber);
            for (const w of waiting.splice(0))
                w({ value: undefined, done: true });
        };
        const iterator = {
            next: () => {
                if (queue.length > 0)
                    return Promise.resolve({ value: queue.shift(), done: false });
                if (done)
                    return Promise.resolve({ value: undefined, done: true });
                return new Promise((resolve) => waiting.push(resolve));
            },
            return: () => {
                finish();
                return Promise.resolve({ value: undefined, done: true });
            },
            throw: (err) => {
                finish();
                return Promise.reject(err);
            },
            [Symbol.asyncIterator]() {
                return iterator;
            },
        };
        return iterator;
    }
};
NotificationBus = __decorate([
    Injectable(),
    __param(0, Inject(DATABASE_URL)),
    __metadata("design:paramtypes", [String, NotificationsRepository])
], NotificationBus);
export { NotificationBus };
//# sourceMappingURL=notification-bus.js.map