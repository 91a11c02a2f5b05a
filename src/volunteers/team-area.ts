import { pathWithin } from '../scope/actor.js';
import { volunteerErrors } from './volunteers.errors.js';

/**
 * Whether a volunteer serves where a team works: their home community lies in the team's street, or one of
 * their service regions overlaps the team's community (they chose to serve there). Managers may add only such
 * volunteers, so that no one is enrolled into another street's team without having chosen to serve there.
 */
export function servesTeamArea(v: { community_path: string; region_paths: string[] }, teamCommunityPath: string): boolean {
  const street = teamCommunityPath.split('.').slice(0, -1).join('.');
  return pathWithin(v.community_path, street) || v.region_paths.some((p) => pathWithin(p, teamCommunityPath) || pathWithin(teamCommunityPath, p));
}

export const outsideTeamArea = volunteerErrors.outsideTeamArea;
