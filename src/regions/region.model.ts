import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RegionLevel } from './region-level.js';

@ObjectType('Region', { description: '区划节点 — province › city › district › street › community › grid' })
export class Region {
  @Field(() => ID) id: string;
  @Field({ description: '统计用区划代码 (12 digits; grids add their own digits)' }) code: string;
  @Field() name: string;
  @Field(() => RegionLevel) level: RegionLevel;
  @Field({ description: 'Codes from the root, dot-separated (ltree)' }) path: string;
  parentId: string | null;
}
