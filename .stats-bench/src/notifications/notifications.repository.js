var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Injectable } from '@nestjs/common';
/** The SQL of the notification bus: PostgreSQL NOTIFY inside a transaction, LISTEN on the bus's own connection. */
let NotificationsRepository = class NotificationsRepository {
    /** Queues `payload` on `channel`; PostgreSQL delivers it when `manager`'s transaction commits. */
    async notify(manager, channel, payload) {
        await manager.query(`SELECT pg_notify($1, $2)`, [channel, payload]);
    }
    /** Subscribes the dedicated `client` to `channel` (a fixed identifier of the code, never input). */
    async listen(client, channel) {
        await client.query(`LISTEN ${channel}`);
    }
};
NotificationsRepository = __decorate([
    Injectable()
], NotificationsRepository);
export { NotificationsRepository };
//# sourceMappingURL=notifications.repository.js.map