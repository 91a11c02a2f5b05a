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
export var VisitSignalType;
(function (VisitSignalType) {
    /** A task was made for, or handed to, the assignee. */
    VisitSignalType["ASSIGNED"] = "ASSIGNED";
    /** The due day passed and the task is still open. */
    VisitSignalType["OVERDUE"] = "OVERDUE";
})(VisitSignalType || (VisitSignalType = {}));
export const VISIT_CHANNEL = 'wushe_visit_events';
/**
 * Tells assignees of new and overdue visit tasks across app instances, as the need notifications do: sent with
 * pg_notify inside the transaction that made the change (delivered only if it commits), heard on one LISTEN
 * connection per instance and handed to that instance's subscribers.
 */
let VisitSignals = class VisitSignals {
    url;
    client = null;
    subscribers = new Set();
    stopping = false;
    constructor(url) {
        this.url = url;
    }
    async onModuleInit() {
        await this.connect();
    }
    async onApplicationShutdown() {
        this.stopping = true;
        this.subscribers.clear();
        await this.client?.end().catch(() => undefined);
    }
    async connect() {
        const client = new pg.Client({ connectionString: this.url, application_name: 'wushe-timebank-visits' });
        client.on('notification', (msg) => {
            if (msg.channel !== VISIT_CHANNEL || !msg.payload)
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
            logger.warn('visit listener lost', { message: err.message });
            this.client = null;
            if (!this.stopping)
                setTimeout(() => void this.connect().catch(() => undefined), 1000).unref();
        });
        await client.connect();
        await client.query(`LISTEN ${VISIT_CHANNEL}`);
        this.client = client;
    }
    /** Local subscriptions open on this instance (for tests). */
    get subscriberCount() {
        return this.subscribers.size;
    }
    async publish(m, signal) {
        await m.query(`SELECT pg_notify($1, $2)`, [VISIT_CHANNEL, JSON.stringify({ ...signal, at: new Date().toISOString() })]);
    }
    /** The signals for `personId` until the client unsubscribes. */
    listen(personId) {
        const queue = [];
        const waiting = [];
        let done = false;
        const subscriber = (s) => {
            if (done || s.assigneeId !== personId)
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
VisitSignals = __decorate([
    Injectable(),
    __param(0, Inject(DATABASE_URL)),
    __metadata("design:paramtypes", [String])
], VisitSignals);
export { VisitSignals };
//# sourceMappingURL=visit-signals.js.map