/**
 * Every call this app makes to Chorecat, in one place, through the SDK's
 * resource methods (`api.orders.list()`, `.orThrow` where a refusal is shown
 * to the user). The page talks to its own origin: Vite's proxy forwards `/v1`
 * to the API.
 *
 * Tokens live in localStorage (the SDK refreshes them on a 401), so a
 * reload keeps the client signed in; sign-out revokes the refresh token.
 */
import { ChorecatApiError, createChorecat, localStorageTokenStore, signIn, signOut, type Problem, type Schemas } from '@chorecat/sdk';

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
  if (error instanceof ChorecatApiError) return error.problem;
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
  return api.me.get.orThrow();
}

/** The client's orders by start, every page (the SDK follows `nextCursor`), at most 500 for a demo page. */
export async function myOrders(): Promise<Order[]> {
  return api.orders.list({ limit: 100 }).toArray({ limit: 500 });
}

export async function timeline(orderId: string): Promise<TimelineEntry[]> {
  return (await api.orders.getTimeline.orThrow(orderId)).data;
}

export async function serviceTypes(): Promise<ServiceType[]> {
  return api.serviceTypes.list({ limit: 100 }).toArray();
}

export async function createOrder(order: OrderCreate): Promise<Order> {
  return api.orders.create.orThrow(order);
}

export async function upcomingInvoice(): Promise<UpcomingInvoice> {
  return api.invoices.getUpcoming.orThrow();
}
