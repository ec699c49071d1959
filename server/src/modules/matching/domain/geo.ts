/**
 * Coordinates for nearest-available matching. A point is kept as integer
 * millionths of a degree (about 11 cm), so a home base round-trips exactly
 * through the database and the API; the distance itself is worked out by
 * PostgreSQL (earthdistance), this is the same great-circle formula for
 * checking it and for the benchmark.
 */
export interface GeoPoint {
  lat: number;
  lng: number;
}

export const EARTH_RADIUS_M = 6_378_168; // earthdistance's earth() radius, so both agree to the metre.

/** Great-circle distance in metres (haversine). */
export function haversineMeters(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function isValidPoint(p: GeoPoint): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lng) && Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180;
}

/** Degrees to the stored integer millionths (and back). */
export const toMicro = (degrees: number): number => Math.round(degrees * 1_000_000);
export const fromMicro = (micro: number): number => micro / 1_000_000;

/**
 * Coordinates written into an address, the stand-in geocoder's first
 * source: "9 Whisker Way @52.52,13.405" (the last `@lat,lng` in it).
 */
export function coordinatesInAddress(address: string): GeoPoint | null {
  const matches = [...address.matchAll(/@ ?(-?\d{1,2}\.?\d{0,8}) ?, ?(-?\d{1,3}\.?\d{0,8})/g)];
  const last = matches[matches.length - 1];
  if (!last) return null;
  const point = { lat: Number(last[1]), lng: Number(last[2]) };
  return isValidPoint(point) ? point : null;
}
