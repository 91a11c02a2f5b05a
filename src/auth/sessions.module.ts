import { Global, Module } from '@nestjs/common';
import { NotificationBusModule } from '../notifications/notification-bus.module.js';
import { SessionRegistry } from './sessions.registry.js';
import { AuthSessionsRepository, SessionsRepository } from './sessions.repository.js';

/** Sessions, shared by the guard (every request) and the auth module (login, logout, password change). */
@Global()
@Module({
  imports: [NotificationBusModule],
  providers: [SessionsRepository, AuthSessionsRepository, SessionRegistry],
  exports: [SessionsRepository, AuthSessionsRepository, SessionRegistry],
})
export class SessionsModule {}
