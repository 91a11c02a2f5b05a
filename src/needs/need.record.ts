import type { Urgency } from './need-deadlines.js';
import type { NeedCategory } from './need.model.js';
import type { NeedStatus } from './need-transitions.js';

/**
 * A need as the domain reads it (居民需求), separate from the GraphQL `Need` model: the service, the effects and the
 * scheduler work on this; the API shows the part of it that `Need` declares and the field resolvers choose.
 */
export interface NeedRecord {
  id: string;
  title: string;
  description: string | null;
  status: NeedStatus;
  category: NeedCategory;
  urgency: Urgency;
  gridId: string;
  gridPath: string;
  /** Posted by a proxy (代办) for the beneficiary. */
  proxy: boolean;
  windowStart: Date;
  windowEnd: Date;
  estimatedMinutes: number;
  requiredSkills: string[];
  preferPartyMember: boolean;
  homeEntry: boolean;
  groupActivity: boolean;
  latitude: number | null;
  longitude: number | null;
  claimedAt: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
  serviceMinutes: number | null;
  confirmedAt: Date | null;
  disputedAt: Date | null;
  statusReason: string | null;
  rating: { rating: number; comment: string | null; tags: string[] } | null;
  deadlines: {
    acceptBy: Date;
    claimBy: Date;
    acceptBreachedAt: Date | null;
    claimBreachedAt: Date | null;
    serviceOverdueAt: Date | null;
    escalated: boolean;
    escalatedAt: Date | null;
    escalatedToRegionId: string | null;
    escalationCount: number;
    autoConfirmAt: Date | null;
  };
  createdAt: Date;
  /** The recurring series this need is an occurrence of (docs/everyday.md), or null. */
  seriesId: string | null;
  /** Metres between the need's location and the volunteer's check-in / check-out, when both were known. */
  checkinDistanceM: number | null;
  checkoutDistanceM: number | null;
  beneficiaryId: string;
  postedById: string;
  claimedById: string | null;
  /** The staff member who accepted it (首接负责): the verifier of an auto-confirmation. */
  acceptedById: string | null;
  address: string | null;
  dispatchOverrideReason: string | null;
}

/**
 * What a transition changes besides the status: a typed patch the repository maps to columns (callers never name
 * columns). `undefined` leaves a field as it is; `null` clears it.
 */
export interface NeedPatch {
  acceptedBy?: string;
  acceptedAt?: Date;
  publishedAt?: Date;
  claimedBy?: string | null;
  claimedAt?: Date | null;
  dispatchedBy?: string | null;
  dispatchOverrideReason?: string | null;
  startedAt?: Date | null;
  completedAt?: Date | null;
  serviceMinutes?: number | null;
  completionNote?: string | null;
  autoConfirmAt?: Date | null;
  disputedAt?: Date | null;
  disputeReason?: string | null;
  confirmedAt?: Date;
  confirmedBy?: string | null;
  rating?: number;
  ratingComment?: string | null;
  ratingTags?: string[];
  closedAt?: Date;
  statusReason?: string;
  windowStart?: Date;
  windowEnd?: Date;
  claimDeadline?: Date;
  claimBreachedAt?: Date | null;
  checkinDistanceM?: number | null;
  checkoutDistanceM?: number | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  description?: string | null;
  requiredSkills?: string[];
  acceptDeadline?: Date;
}

/** The claim released: nobody holds the need any more. */
export const UNCLAIM: NeedPatch = { claimedBy: null, claimedAt: null, dispatchedBy: null, dispatchOverrideReason: null };

/** A value the need's state guarantees (e.g. the claimant of a CLAIMED need); a missing one is a bug, not an input error. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`need invariant: ${what} is missing`);
  return value;
}
