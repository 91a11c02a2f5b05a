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
import { DataSource } from 'typeorm';
import { logger } from '../common/logging/logger.js';
import { APP_CONFIG } from '../config/config.js';
import { digestHash, GENESIS_HASH } from './ledger-hash.js';
import { LedgerRepository } from './ledger.repository.js';
import { digestRoot } from './verify-ledger.service.js';
/**
 * Periodic ledger digests (docs/ledger.md "Digests"): a Merkle root over the transactions committed since the last
 * digest and the account heads they left, chained to the previous digest, stored so that it can be published.
 * Every instance runs the timer; `pg_try_advisory_xact_lock` lets one of them digest at a time and the others skip
 * the round, so digests never fork. Writers are not blocked: the job only reads, in one REPEATABLE READ snapshot.
 */
let LedgerDigestService = class LedgerDigestService {
    db;
    ledger;
    config;
    timer = null;
    running = null;
    constructor(db, ledger, config) {
        this.db = db;
        this.ledger = ledger;
        this.config = config;
    }
    onApplicationBootstrap() {
        const every = this.config.ledgerDigestIntervalSeconds;
        if (every > 0) {
            this.timer = setInterval(() => {
                if (this.running)
                    return;
                this.running = this.run()
                    .catch((err) => logger.error('ledger digest failed', { message: err instanceof Error ? err.message : String(err) }))
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
    /** Stores one digest; null when another instance holds the digest lock or nothing was committed since the last one. */
    async run() {
        return this.db.transaction('REPEATABLE READ', async (m) => {
            const begun = await this.ledger.beginDigest(m);
            if (!begun)
                return null;
            const leaves = await this.ledger.digestLeaves(m, begun.last?.snapshot ?? null, begun.snapshot);
            if (leaves.transactions.length === 0)
                return null;
            const root = digestRoot(leaves);
            const prevHash = begun.last?.hash ?? GENESIS_HASH;
            const d = { prevId: begun.last?.id ?? null, snapshot: begun.snapshot, transactions: leaves.transactions.length, accounts: leaves.heads.length, root, prevHash };
            return this.ledger.insertDigest(m, { ...d, hash: digestHash(prevHash, root, d.transactions, d.accounts, d.snapshot) });
        });
    }
};
LedgerDigestService = __decorate([
    Injectable(),
    __param(2, Inject(APP_CONFIG)),
    __metadata("design:paramtypes", [DataSource,
        LedgerRepository, Object])
], LedgerDigestService);
export { LedgerDigestService };
//# sourceMappingURL=ledger-digest.service.js.map