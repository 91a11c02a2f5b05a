import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/graphql/connection.js';

@ObjectType('Session', { description: '登录会话: one login on one device, until logout, password change or expiry' })
export class Session {
  @Field(() => ID) id: string;
  @Field() createdAt: Date;
  @Field({ description: 'Last login or token refresh' }) lastUsedAt: Date;
  @Field() expiresAt: Date;
  @Field({ description: 'The session of the token making this request' }) current: boolean;
  @Field(() => String, { nullable: true, description: 'The browser or app that logged in (User-Agent, shortened)' }) userAgent: string | null;
}

export const SessionConnection = ConnectionType(Session, 'Session');
