import { needErrors } from './needs.errors.js';

/** Where a need is: its address and, when known, its coordinates (both or neither). */
export interface NeedPlace {
  address: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** What a change (updateNeed, changeNeedSeries) may say about the place; absent or null fields are left as they are. */
export interface PlaceChange {
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

/**
 * The place after a change. Coordinates come in pairs (COORDINATES_INCOMPLETE otherwise). A new address without new
 * coordinates clears the old ones: they point at the old address, and matching distance and far check-in must not
 * keep judging by it (the need is then matched like one posted without coordinates). Coordinates alone move the pin
 * and keep the address. Returns null when the change does not touch the place.
 */
export function placeAfter(current: NeedPlace, change: PlaceChange): NeedPlace | null {
  const latitude = change.latitude ?? null;
  const longitude = change.longitude ?? null;
  if ((latitude === null) !== (longitude === null)) throw latitude !== null ? needErrors.longitudeMissing() : needErrors.latitudeMissing();
  const address = change.address != null ? change.address.trim() || null : current.address;
  const addressChanged = address !== current.address;
  const next: NeedPlace =
    latitude !== null && longitude !== null ? { address, latitude, longitude } : addressChanged ? { address, latitude: null, longitude: null } : { ...current };
  return placeChanges(current, next) ? next : null;
}

/** The history entries of a place change: never the address or coordinates themselves (history is seen more widely). */
export function placeChanges(from: NeedPlace, to: NeedPlace): Record<string, { from: string; to: string }> | null {
  const changes: Record<string, { from: string; to: string }> = {};
  if (from.address !== to.address) changes.address = { from: '(地址)', to: to.address === null ? '(已清除)' : '(地址)' };
  if (from.latitude !== to.latitude || from.longitude !== to.longitude) {
    changes.location = { from: from.latitude === null ? '(无)' : '(位置)', to: to.latitude === null ? '(已清除)' : '(位置)' };
  }
  return Object.keys(changes).length > 0 ? changes : null;
}
