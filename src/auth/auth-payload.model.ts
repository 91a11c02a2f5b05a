import { Field, ObjectType } from '@nestjs/graphql';
import { Person } from '../people/person.model.js';

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field({ description: 'Bearer token for the Authorization header; short-lived' }) accessToken: string;
  @Field({ description: 'Single use: exchange it with refreshToken for a new pair' }) refreshToken: string;
  @Field() accessTokenExpiresAt: Date;
  @Field(() => Person) me: Person;
}
