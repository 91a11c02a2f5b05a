import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum StationKind {
  SOCIAL_WORK_STATION = 'SOCIAL_WORK_STATION',
  SOCIAL_WORK_ROOM = 'SOCIAL_WORK_ROOM',
  VOLUNTEER_STATION = 'VOLUNTEER_STATION',
}

registerEnumType(StationKind, {
  name: 'StationKind',
  valuesMap: {
    SOCIAL_WORK_STATION: { description: '街道(乡镇)社工站' },
    SOCIAL_WORK_ROOM: { description: '社区(村)社工室' },
    VOLUNTEER_STATION: { description: '志愿服务站点' },
  },
});

@ObjectType('Station', { description: '服务站点: a social-work station 社工站, room 社工室 or volunteer station' })
export class Station {
  @Field(() => ID) id: string;
  @Field(() => StationKind) kind: StationKind;
  @Field() name: string;
  @Field(() => String, { nullable: true }) address: string | null;
  regionId: string;
}
