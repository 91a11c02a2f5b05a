import { Module } from '@nestjs/common';
import { NotificationBus } from './notification-bus.js';
import { NotificationsRepository } from './notifications.repository.js';

/** The bus alone, so that the needs module can publish without depending on the subscription resolvers. */
@Module({ providers: [NotificationsRepository, NotificationBus], exports: [NotificationBus] })
export class NotificationBusModule {}
