import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RegionLevel } from './region-level.js';

@ObjectType('Region', { description: '区划节点 — province › city › district › street › community › grid' })
export class Region {
  @Field(() => ID) id: string;
  /** As stored: the code's significant digits (省 2, 市 4, 区县 6, 街道 9, 社区 12, 网格 14), the labels of `path`. */
  @Field({
    description: '统计用区划代码: the 12-digit statistical division code (2+2+2+3+3; zero-padded above the community level); grids add 2 digits of their own',
  })
  code: string;
  @Field() name: string;
  @Field(() => RegionLevel) level: RegionLevel;
  @Field({ description: 'Codes from the root, dot-separated (ltree)' }) path: string;
  parentId: string | null;
}
