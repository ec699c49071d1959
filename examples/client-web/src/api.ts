/**
 * Every call this app makes to Chorecat, in one place, on today's SDK
 * (`createChorecat` + typed `GET`/`POST`, `unwrap`). The page talks to its
 * own origin: Vite's proxy forwards `/v1` to the API.
 *
 * Tokens live in localStorage (the SDK refreshes them on a 401), so a
 * reload keeps the client signed in; sign-out revokes the refresh token.
 */
import { ChorecatError, createChorecat, localStorageTokenStore, signIn, signOut, unwrap, type Problem, type Schemas } from '@chorecat/sdk';

export type Order = Schemas['Order'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type ServiceType = Schemas['ServiceType'];
export type UpcomingInvoice = Schemas['UpcomingInvoice'];
export type OrderCreate = Schemas['OrderCreate'];
export type { Problem };

const store = localStorageTokenStore('chorecat.client-web.tokens');
const api = createChorecat({ baseUrl: window.location.origin, tokenStore: store });

/** The API's refusal (problem+json), or a stand-in one when the API could not be reached. */
export function problemOf(error: unknown): Problem {
  if (error instanceof ChorecatError) return error.problem;
  return { type: 'about:blank', title: 'Network error', status: 0, code: 'NETWORK', detail: String(error) };
}

export async function isSignedIn(): Promise<boolean> {
  return (await store.get()) !== undefined;
}

export async function signInAs(email: string, password: string): Promise<void> {
  await signIn(api, store, { email, password });
}

export async function signOutNow(): Promise<void> {
  await signOut(api, store);
}

export async function me(): Promise<Schemas['Me']> {
  return unwrap(await api.GET('/v1/me'));
}

/** The client's orders by start (the first 100: enough for a demo; a real app would follow `nextCursor`). */
export async function myOrders(): Promise<Order[]> {
  return unwrap(await api.GET('/v1/orders', { params: { query: { limit: 100 } } })).data;
}

export async function timeline(orderId: string): Promise<TimelineEntry[]> {
  return unwrap(await api.GET('/v1/orders/{id}/timeline', { params: { path: { id: orderId } } })).data;
}

export async function serviceTypes(): Promise<ServiceType[]> {
  return unwrap(await api.GET('/v1/service-types', { params: { query: { limit: 100 } } })).data;
}

export async function createOrder(order: OrderCreate): Promise<Order> {
  return unwrap(await api.POST('/v1/orders', { body: order }));
}

export async function upcomingInvoice(): Promise<UpcomingInvoice> {
  return unwrap(await api.GET('/v1/invoices/upcoming'));
}
