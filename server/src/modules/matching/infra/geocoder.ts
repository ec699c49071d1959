import { coordinatesInAddress, type GeoPoint } from '../domain/geo.ts';

/**
 * Where an address is (nearest-available matching). A real geocoding
 * service is one implementation of this; none is reachable offline, so the
 * only one today is the stand-in (`GEOCODER=stand-in`), as the supplier and
 * Golden Hat have theirs. Null: the address could not be located (matching
 * then falls back to another ranking and says so in the attempt).
 */
export interface Geocoder {
  readonly name: string;
  locate(address: string): Promise<GeoPoint | null>;
}

/**
 * The demo's addresses (the examples', the seeds' and the tests' favourite
 * streets), placed around Berlin's centre a few kilometres apart, so the
 * demo shows nearest-first without coordinates in every address.
 */
export const DEMO_ADDRESSES: Readonly<Record<string, GeoPoint>> = {
  '1 catnip lane': { lat: 52.520008, lng: 13.404954 },
  '2 catnip lane': { lat: 52.520408, lng: 13.405454 },
  '3 purr street': { lat: 52.507, lng: 13.3905 },
  '9 meow road': { lat: 52.5396, lng: 13.4246 },
  '9 whisker way': { lat: 52.4862, lng: 13.4358 },
  '12 yarn street': { lat: 52.5145, lng: 13.35 },
  '2 wager way': { lat: 52.4996, lng: 13.4508 },
  '1 panel road': { lat: 52.5305, lng: 13.3847 },
};

const normalise = (address: string) => address.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.,]$/, '');

/** Reads `@lat,lng` written in the address, else looks the address up in the demo table. */
export const standInGeocoder: Geocoder = {
  name: 'stand-in',
  async locate(address) {
    return coordinatesInAddress(address) ?? DEMO_ADDRESSES[normalise(address)] ?? null;
  },
};

export const GEOCODERS: Record<string, Geocoder> = { [standInGeocoder.name]: standInGeocoder };
