import { Field, ObjectType } from '@nestjs/graphql';
import { Person } from '../people/person.model.js';

@ObjectType('AuthPayload', { description: '登录凭证 auth payload: a token pair and the logged-in person' })
export class AuthPayload {
  @Field({
    description:
      '访问令牌 access token: send it as `Authorization: Bearer <token>` (or in connectionParams on the socket); short-lived (15 minutes by default)',
  })
  accessToken: string;
  @Field({ description: '刷新令牌 refresh token, single use: exchange it with the refreshToken mutation for a new pair (valid 30 days by default)' })
  refreshToken: string;
  @Field({ description: '访问令牌过期时间 when the access token expires, DateTime (ISO 8601, UTC)' }) accessTokenExpiresAt: Date;
  @Field(() => Person, { description: '当前登录人 the logged-in person, unmasked' }) me: Person;
}
