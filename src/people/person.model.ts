import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../scope/role.js';
import { PersonAccess } from './person-access.js';

@ObjectType('RoleGrant', { description: '角色授权 role grant: a role held in a scope' })
export class RoleGrant {
  @Field(() => Role, { description: '角色 role' }) role: Role;
  @Field(() => ID, {
    nullable: true,
    description: '授权范围 ID: the region (or organization) the role is held in; null = everywhere, or hidden from a masked viewer',
  })
  scopeId: string | null;
  @Field(() => String, { nullable: true, description: '授权范围名称 name of the region or organization; null = everywhere, or hidden from a masked viewer' })
  scopeName: string | null;
  @Field(() => String, { description: '范围类型 scope type: REGION 区域, ORGANIZATION 组织 or GLOBAL 全局' }) scopeType: 'REGION' | 'ORGANIZATION' | 'GLOBAL';
}

@ObjectType('Person', {
  description: '人员 person (resident, volunteer or staff) — names, phones and ID numbers are masked unless the viewer needs them (docs/design.md §11)',
})
export class Person {
  @Field(() => ID, { description: '人员 ID' }) id: string;
  @Field({ description: '姓名 name: full for the person and case staff in scope; 其他人看到掩码 otherwise masked (王*)' }) name: string;
  @Field({ description: '手机号 phone: full for the person and case staff in scope; 其他人看到掩码 otherwise masked (138****0001)' }) phone: string;
  @Field(() => String, { nullable: true, description: '住址 address: only for the person and case staff in scope; null for others or when none' })
  address: string | null;
  @Field({ description: '已掩码 whether name and phone are masked for this viewer' }) masked: boolean;
  gridId: string | null;
  access: PersonAccess;
  idNumberCipher: Buffer | null;
  /** Reached through a restricted view (a match candidate the viewer may not see): no roles either. */
  restricted?: boolean;
}
