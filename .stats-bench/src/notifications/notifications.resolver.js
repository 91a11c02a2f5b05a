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
import { Context, Field, ID, ObjectType, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Need } from '../needs/need.model.js';
import { NeedStatus } from '../needs/need-transitions.js';
import { NeedsService } from '../needs/needs.service.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { NeedSignalType, NotificationBus } from './notification-bus.js';
let NeedNotification = class NeedNotification {
    type;
    needId;
    action;
    status;
    at;
};
__decorate([
    Field({ description: 'NEED_DISPATCHED, NEED_CHANGED or DEADLINE_BREACHED' }),
    __metadata("design:type", String)
], NeedNotification.prototype, "type", void 0);
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], NeedNotification.prototype, "needId", void 0);
__decorate([
    Field({ description: 'The action that caused it (CLAIM, DISPATCH, ACCEPT_DEADLINE, …)' }),
    __metadata("design:type", String)
], NeedNotification.prototype, "action", void 0);
__decorate([
    Field(() => NeedStatus),
    __metadata("design:type", String)
], NeedNotification.prototype, "status", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], NeedNotification.prototype, "at", void 0);
NeedNotification = __decorate([
    ObjectType('NeedNotification', { description: 'A pushed event about a need (graphql-ws subscriptions)' })
], NeedNotification);
export { NeedNotification };
const toNotification = (s) => ({ type: s.type, needId: s.needId, action: s.action, status: s.status, at: new Date(s.at) });
let NotificationsResolver = class NotificationsResolver {
    bus;
    needs;
    constructor(bus, needs) {
        this.bus = bus;
        this.needs = needs;
    }
    needDispatchedToMe(actor) {
        return this.bus.listen((s) => s.type === NeedSignalType.NEED_DISPATCHED && s.volunteerPersonId === actor.personId);
    }
    myNeedChanged(actor) {
        return this.bus.listen((s) => s.type === NeedSignalType.NEED_CHANGED && (s.personIds.includes(actor.personId) || s.volunteerPersonId === actor.personId));
    }
    deadlineBreached(actor) {
        return this.bus.listen((s) => s.type === NeedSignalType.DEADLINE_BREACHED && actor.can(Permission.NEED_TRIAGE, { regionPath: s.gridPath }));
    }
    async need(n, ctx) {
        if (!ctx.actor)
            return null;
        // A subscription's context lives as long as the socket: drop cached rows so that each event reads fresh data.
        ctx.loaders.clear();
        return this.needs.get(ctx.actor, n.needId).catch(() => null);
    }
};
__decorate([
    Authorize(Permission.SELF),
    Subscription(() => NeedNotification, { description: '派单提醒: a need was dispatched to me', resolve: (s) => toNotification(s) }),
    __param(0, CurrentActor()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor]),
    __metadata("design:returntype", void 0)
], NotificationsResolver.prototype, "needDispatchedToMe", null);
__decorate([
    Authorize(Permission.SELF),
    Subscription(() => NeedNotification, {
        description: '状态提醒: a need I posted, receive or serve changed state',
        resolve: (s) => toNotification(s),
    }),
    __param(0, CurrentActor()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor]),
    __metadata("design:returntype", void 0)
], NotificationsResolver.prototype, "myNeedChanged", null);
__decorate([
    Authorize(Permission.NEED_TRIAGE),
    Subscription(() => NeedNotification, { description: '超时预警: a deadline was breached in my scope', resolve: (s) => toNotification(s) }),
    __param(0, CurrentActor()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor]),
    __metadata("design:returntype", void 0)
], NotificationsResolver.prototype, "deadlineBreached", null);
__decorate([
    ResolveField(() => Need, { nullable: true, description: 'The need as the subscriber may see it now' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [NeedNotification, Object]),
    __metadata("design:returntype", Promise)
], NotificationsResolver.prototype, "need", null);
NotificationsResolver = __decorate([
    Resolver(() => NeedNotification),
    __metadata("design:paramtypes", [NotificationBus,
        NeedsService])
], NotificationsResolver);
export { NotificationsResolver };
//# sourceMappingURL=notifications.resolver.js.map