import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../scope/role.js';
import { PersonAccess } from './person-access.js';

@ObjectType('RoleGrant', { description: '角色授权: a role held in a scope' })
export class RoleGrant {
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true, description: 'The region (or organization) the role is held in; null = everywhere' })
  scopeId: string | null;
  @Field(() => String, { nullable: true }) scopeName: string | null;
  @Field(() => String, { description: 'REGION or ORGANIZATION' }) scopeType: 'REGION' | 'ORGANIZATION' | 'GLOBAL';
}

@ObjectType('Person', { description: '人员 — names, phones and ID numbers are masked unless the viewer needs them (docs/design.md §11)' })
export class Person {
  @Field(() => ID) id: string;
  @Field({ description: 'Full for the person and case staff in scope, otherwise 王*' }) name: string;
  @Field({ description: 'Full for the person and case staff in scope, otherwise 138****0001' }) phone: string;
  @Field(() => String, { nullable: true, description: 'Only for the person and case staff in scope' }) address: string | null;
  @Field({ description: 'Whether name and phone are masked for this viewer' }) masked: boolean;
  gridId: string | null;
  access: PersonAccess;
  idNumberCipher: Buffer | null;
  /** Reached through a restricted view (a match candidate the viewer may not see): no roles either. */
  restricted?: boolean;
}
