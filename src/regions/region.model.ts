import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RegionLevel } from './region-level.js';

@ObjectType('Region', { description: '区划节点 region：省 › 市 › 区县 › 街道 › 社区 › 网格（公开，无需登录）' })
export class Region {
  @Field(() => ID, { description: '区划 id' }) id: string;
  /** As stored: the code's significant digits (省 2, 市 4, 区县 6, 街道 9, 社区 12, 网格 14), the labels of `path`. */
  @Field({
    description: '统计用区划代码: the 12-digit statistical division code (2+2+2+3+3; zero-padded above the community level); grids add 2 digits of their own',
  })
  code: string;
  @Field({ description: '名称 name' }) name: string;
  @Field(() => RegionLevel, { description: '层级 level' }) level: RegionLevel;
  @Field({ description: '从根开始的代码路径 path（以点分隔，ltree）' }) path: string;
  parentId: string | null;
}
