import { Module } from '@nestjs/common';
import { NotificationBus } from './notification-bus.js';
import { NotificationsRepository } from './notifications.repository.js';
import { PgListener } from './pg-channel.js';

/**
 * The process's one channel listener (PgListener: LISTEN/NOTIFY across instances) and the need signals on it,
 * without the subscription resolvers: modules that publish or listen on a channel import this one.
 */
@Module({ providers: [NotificationsRepository, PgListener, NotificationBus], exports: [PgListener, NotificationBus] })
export class NotificationBusModule {}
