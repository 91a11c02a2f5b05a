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
    description: '背景审核: record that the volunteer was vetted for children and home-entry needs (or withdraw it with vetted: false); who and when are kept',
  })
  vetVolunteer(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('note') note: string,
    @Args('vetted', { defaultValue: true, description: 'false withdraws the vetting' }) vetted: boolean,
  ): Promise<Volunteer> {
    return this.service.vet(actor, id, note, vetted);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => Volunteer, { description: 'The caller’s base location for matching distance (both null clears it)' })
  updateMyVolunteerLocation(
    @CurrentActor() actor: Actor,
    @Args('latitude', { type: () => Float, nullable: true }) latitude: number | null,
    @Args('longitude', { type: () => Float, nullable: true }) longitude: number | null,
  ): Promise<Volunteer> {
    return this.service.setMyLocation(actor, latitude ?? null, longitude ?? null);
  }
}
