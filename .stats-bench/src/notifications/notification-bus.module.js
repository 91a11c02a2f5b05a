var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { NotificationBus } from './notification-bus.js';
import { NotificationsRepository } from './notifications.repository.js';
/** The bus alone, so that the needs module can publish without depending on the subscription resolvers. */
let NotificationBusModule = class NotificationBusModule {
};
NotificationBusModule = __decorate([
    Module({ providers: [NotificationsRepository, NotificationBus], exports: [NotificationBus] })
], NotificationBusModule);
export { NotificationBusModule };
//# sourceMappingURL=notification-bus.module.js.map