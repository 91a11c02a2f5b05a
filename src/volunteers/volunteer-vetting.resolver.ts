import { Args, Float, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Actor } from '../scope/actor.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { Volunteer } from './volunteer.model.js';
import { Permission } from '../scope/permission.js';
import { VolunteerVettingService } from './volunteer-vetting.service.js';

@Resolver(() => Volunteer)
export class VolunteerVettingResolver {
  constructor(private readonly service: VolunteerVettingService) {}

  @Authorize(Permission.VOLUNTEER_VET)
  @Mutation(() => Volunteer, {
    description:
      '背景审核 vet a volunteer: record that the volunteer was vetted for children and home-entry needs (or withdraw it with vetted: false); who and when are kept',
  })
  vetVolunteer(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '志愿者 ID' }) id: string,
    @Args('note', { description: '审核说明 how it was checked (method, documents), 1–500 characters' }) note: string,
    @Args('vetted', { defaultValue: true, description: '是否通过 true records the vetting; false withdraws it' }) vetted: boolean,
  ): Promise<Volunteer> {
    return this.service.vet(actor, id, note, vetted);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => Volunteer, { description: '我的服务位置 set the caller’s base location for matching distance (both null clears it)' })
  updateMyVolunteerLocation(
    @CurrentActor() actor: Actor,
    @Args('latitude', { type: () => Float, nullable: true, description: '纬度 latitude in degrees, −90…90; null together with longitude clears it' })
    latitude: number | null,
    @Args('longitude', { type: () => Float, nullable: true, description: '经度 longitude in degrees, −180…180; null together with latitude clears it' })
    longitude: number | null,
  ): Promise<Volunteer> {
    return this.service.setMyLocation(actor, latitude ?? null, longitude ?? null);
  }
}
