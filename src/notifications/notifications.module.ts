import { Module } from '@nestjs/common';
import { NeedsModule } from '../needs/needs.module.js';
import { NotificationBusModule } from './notification-bus.module.js';
import { NotificationsResolver } from './notifications.resolver.js';

@Module({
  imports: [NotificationBusModule, NeedsModule],
  providers: [NotificationsResolver],
})
export class NotificationsModule {}
