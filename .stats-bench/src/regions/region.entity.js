var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RegionLevel } from './region-level.js';
/** A node of the region tree 省›市›区县›街道›社区›网格 (DESIGN.md §3); `path` is an ltree of codes. */
let RegionEntity = class RegionEntity {
    id;
    code;
    name;
    level;
    parentId;
    path;
    createdAt;
};
__decorate([
    PrimaryGeneratedColumn('uuid'),
    __metadata("design:type", String)
], RegionEntity.prototype, "id", void 0);
__decorate([
    Column(),
    __metadata("design:type", String)
], RegionEntity.prototype, "code", void 0);
__decorate([
    Column(),
    __metadata("design:type", String)
], RegionEntity.prototype, "name", void 0);
__decorate([
    Column({ type: 'enum', enum: RegionLevel, enumName: 'region_level' }),
    __metadata("design:type", String)
], RegionEntity.prototype, "level", void 0);
__decorate([
    Column({ name: 'parent_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], RegionEntity.prototype, "parentId", void 0);
__decorate([
    Column({ type: 'ltree' }),
    __metadata("design:type", String)
], RegionEntity.prototype, "path", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], RegionEntity.prototype, "createdAt", void 0);
RegionEntity = __decorate([
    Entity('regions')
], RegionEntity);
export { RegionEntity };
//# sourceMappingURL=region.entity.js.map