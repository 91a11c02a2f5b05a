import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/graphql/connection.js';

@ObjectType('Session', { description: '登录会话 session: one login on one device, until logout, password change or expiry' })
export class Session {
  @Field(() => ID, { description: '会话 ID (pass it to revokeSession)' }) id: string;
  @Field({ description: '登录时间 created at, DateTime (ISO 8601, UTC)' }) createdAt: Date;
  @Field({ description: '最近使用 last login or token refresh, DateTime (ISO 8601, UTC)' }) lastUsedAt: Date;
  @Field({ description: '过期时间 when the session ends unless refreshed, DateTime (ISO 8601, UTC)' }) expiresAt: Date;
  @Field({ description: '当前会话 the session of the token making this request' }) current: boolean;
  @Field(() => String, { nullable: true, description: '客户端 the browser or app that logged in (User-Agent, shortened); null if not sent' }) userAgent:
    string | null;
}

export const SessionConnection = ConnectionType(Session, 'Session');
