import { Module } from '@nestjs/common';
import { NotificationBus } from './notification-bus.js';

/** The bus alone, so that the needs module can publish without depending on the subscription resolvers. */
@Module({ providers: [NotificationBus], exports: [NotificationBus] })
export class NotificationBusModule {}
