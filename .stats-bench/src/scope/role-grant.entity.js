var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from './role.js';
let RoleGrantEntity = class RoleGrantEntity {
    id;
    personId;
    role;
    regionId;
    organizationId;
    grantedBy;
    grantedAt;
    revokedAt;
};
__decorate([
    PrimaryGeneratedColumn('uuid'),
    __metadata("design:type", String)
], RoleGrantEntity.prototype, "id", void 0);
__decorate([
    Column({ name: 'person_id', type: 'uuid' }),
    __metadata("design:type", String)
], RoleGrantEntity.prototype, "personId", void 0);
__decorate([
    Column({ type: 'enum', enum: Role, enumName: 'role' }),
    __metadata("design:type", String)
], RoleGrantEntity.prototype, "role", void 0);
__decorate([
    Column({ name: 'region_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], RoleGrantEntity.prototype, "regionId", void 0);
__decorate([
    Column({ name: 'organization_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], RoleGrantEntity.prototype, "organizationId", void 0);
__decorate([
    Column({ name: 'granted_by', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], RoleGrantEntity.prototype, "grantedBy", void 0);
__decorate([
    Column({ name: 'granted_at', type: 'timestamptz', default: () => 'now()' }),
    __metadata("design:type", Date)
], RoleGrantEntity.prototype, "grantedAt", void 0);
__decorate([
    Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], RoleGrantEntity.prototype, "revokedAt", void 0);
RoleGrantEntity = __decorate([
    Entity('role_grants')
], RoleGrantEntity);
export { RoleGrantEntity };
//# sourceMappingURL=role-grant.entity.js.map