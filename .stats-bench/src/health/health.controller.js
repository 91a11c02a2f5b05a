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
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { graphiqlAsset } from '../common/graphql/graphiql.js';
let HealthController = class HealthController {
    db;
    constructor(db) {
        this.db = db;
    }
    /** Liveness and database reachability, for load balancers and docker-compose. */
    async health(reply) {
        const started = Date.now();
        try {
            await this.db.query('SELECT 1');
            return { status: 'ok', database: { status: 'up', latencyMs: Date.now() - started } };
        }
        catch {
            reply.status(503);
            return { status: 'error', database: { status: 'down' } };
        }
    }
    /** Static files of the bundled GraphiQL (see graphiql.ts). */
    asset(file, reply) {
        const asset = graphiqlAsset(file);
        if (!asset)
            throw new NotFoundException();
        reply.header('content-type', asset.type).header('cache-control', 'public, max-age=86400');
        return asset.body;
    }
};
__decorate([
    Get('health'),
    __param(0, Res({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], HealthController.prototype, "health", null);
__decorate([
    Get('graphiql/:file'),
    __param(0, Param('file')),
    __param(1, Res({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", void 0)
], HealthController.prototype, "asset", null);
HealthController = __decorate([
    Controller(),
    __metadata("design:paramtypes", [DataSource])
], HealthController);
export { HealthController };
//# sourceMappingURL=health.controller.js.map