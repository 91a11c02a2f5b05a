import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RegionLevel } from './region-level.js';

/** A node of the region tree 省›市›区县›街道›社区›网格 (docs/design.md §3); `path` is an ltree of codes. */
@Entity('regions')
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() code: string;
  @Column() name: string;
  @Column({ type: 'enum', enum: RegionLevel, enumName: 'region_level' }) level: RegionLevel;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @Column({ type: 'ltree' as never }) path: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
