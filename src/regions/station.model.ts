import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum StationKind {
  SOCIAL_WORK_STATION = 'SOCIAL_WORK_STATION',
  SOCIAL_WORK_ROOM = 'SOCIAL_WORK_ROOM',
  VOLUNTEER_STATION = 'VOLUNTEER_STATION',
}

registerEnumType(StationKind, {
  name: 'StationKind',
  description: '服务站点类型 station kind',
  valuesMap: {
    SOCIAL_WORK_STATION: { description: '街道(乡镇)社工站' },
    SOCIAL_WORK_ROOM: { description: '社区(村)社工室' },
    VOLUNTEER_STATION: { description: '志愿服务站点' },
  },
});

@ObjectType('Station', { description: '服务站点 station：街道社工站 social-work station、社区社工室 room 或志愿服务站点 volunteer station（公开）' })
export class Station {
  @Field(() => ID, { description: '站点 id' }) id: string;
  @Field(() => StationKind, { description: '站点类型 kind' }) kind: StationKind;
  @Field({ description: '站点名称 name' }) name: string;
  @Field(() => String, { nullable: true, description: '站点地址 address（公共场所）；未登记为 null' }) address: string | null;
  regionId: string;
}
