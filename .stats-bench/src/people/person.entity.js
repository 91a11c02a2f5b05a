var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
/** A person: resident, volunteer or staff. ID numbers are stored only encrypted, with a keyed lookup hash. */
let PersonEntity = class PersonEntity {
    id;
    name;
    phone;
    passwordHash;
    idNumberCipher;
    idNumberHash;
    birthDate;
    address;
    gridId;
    createdAt;
    updatedAt;
};
__decorate([
    PrimaryGeneratedColumn('uuid'),
    __metadata("design:type", String)
], PersonEntity.prototype, "id", void 0);
__decorate([
    Column(),
    __metadata("design:type", String)
], PersonEntity.prototype, "name", void 0);
__decorate([
    Column(),
    __metadata("design:type", String)
], PersonEntity.prototype, "phone", void 0);
__decorate([
    Column({ name: 'password_hash', type: 'text', nullable: true, select: false }),
    __metadata("design:type", Object)
], PersonEntity.prototype, "passwordHash", void 0);
__decorate([
    Column({ name: 'id_number_cipher', type: 'bytea', nullable: true }),
    __metadata("design:type", Object)
], PersonEntity.prototype, "idNumberCipher", void 0);
__decorate([
    Column({ name: 'id_number_hash', type: 'bytea', nullable: true }),
    __metadata("design:type", Object)
], PersonEntity.prototype, "idNumberHash", void 0);
__decorate([
    Column({ name: 'birth_date', type: 'date', nullable: true }),
    __metadata("design:type", Object)
], PersonEntity.prototype, "birthDate", void 0);
__decorate([
    Column({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], PersonEntity.prototype, "address", void 0);
__decorate([
    Column({ name: 'grid_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], PersonEntity.prototype, "gridId", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], PersonEntity.prototype, "createdAt", void 0);
__decorate([
    UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], PersonEntity.prototype, "updatedAt", void 0);
PersonEntity = __decorate([
    Entity('persons')
], PersonEntity);
export { PersonEntity };
//# sourceMappingURL=person.entity.js.map