var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../scope/role.js';
let RoleGrant = class RoleGrant {
    role;
    scopeId;
    scopeName;
    scopeType;
};
__decorate([
    Field(() => Role),
    __metadata("design:type", String)
], RoleGrant.prototype, "role", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The region (or organization) the role is held in; null = everywhere' }),
    __metadata("design:type", Object)
], RoleGrant.prototype, "scopeId", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], RoleGrant.prototype, "scopeName", void 0);
__decorate([
    Field(() => String, { description: 'REGION or ORGANIZATION' }),
    __metadata("design:type", String)
], RoleGrant.prototype, "scopeType", void 0);
RoleGrant = __decorate([
    ObjectType('RoleGrant', { description: '角色授权: a role held in a scope' })
], RoleGrant);
export { RoleGrant };
let Person = class Person {
    id;
    name;
    phone;
    address;
    masked;
    gridId;
    access;
    idNumberCipher;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Person.prototype, "id", void 0);
__decorate([
    Field({ description: 'Full for the person and case staff in scope, otherwise 王*' }),
    __metadata("design:type", String)
], Person.prototype, "name", void 0);
__decorate([
    Field({ description: 'Full for the person and case staff in scope, otherwise 138****0001' }),
    __metadata("design:type", String)
], Person.prototype, "phone", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Only for the person and case staff in scope' }),
    __metadata("design:type", Object)
], Person.prototype, "address", void 0);
__decorate([
    Field({ description: 'Whether name and phone are masked for this viewer' }),
    __metadata("design:type", Boolean)
], Person.prototype, "masked", void 0);
Person = __decorate([
    ObjectType('Person', { description: '人员 — names, phones and ID numbers are masked unless the viewer needs them (DESIGN.md §11)' })
], Person);
export { Person };
//# sourceMappingURL=person.model.js.map