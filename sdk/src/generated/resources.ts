// GENERATED FILE: do not edit by hand.
// Source: openapi/openapi.yaml (operationIds, tags, x-sdk-method, x-error-codes,
// x-common-error-codes, x-role-error-codes, x-idempotency-error-codes). Regenerate with `npm run generate`; `npm run generate:check`
// (part of `npm test`) fails when this file is stale.
/* eslint-disable */

import type { operations } from './schema.ts';
import type { ListMethod, Method } from '../resources.ts';

/** Codes any operation can answer (the contract's `x-common-error-codes`). */
export type CommonErrorCode = "AUTH.UNAUTHENTICATED" | "INTERNAL" | "RATE_LIMITED" | "REQUEST.MALFORMED" | "REQUEST.MALFORMED_JSON" | "REQUEST.TOO_LARGE" | "REQUEST.UNSUPPORTED_MEDIA_TYPE" | "SERVICE.DATABASE_UNAVAILABLE" | "VALIDATION.FAILED";

/** The codes each operation documents (`x-error-codes`) plus the common ones; `string` while the contract lists none. */
export interface OperationErrorCodes {
  acceptOffer: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "MATCHING.OFFER_ANSWERED" | "MATCHING.OFFER_EXPIRED" | "MATCHING.OFFER_WITHDRAWN" | "NOT_FOUND" | "ORDERS.WORKER_BUSY";
  acceptOrder: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND" | "ORDERS.ILLEGAL_TRANSITION" | "ORDERS.TIP_OUT_OF_RANGE";
  advanceSandboxClock: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND" | "SANDBOX.ADVANCE_TOO_FAR" | "SANDBOX.CLOCK_BACKWARDS" | "SANDBOX.CLOCK_BUSY";
  assignApplicationTest: CommonErrorCode | "AUTH.FORBIDDEN" | "HIRING.ILLEGAL_TRANSITION" | "HIRING.TEST_ALREADY_ASSIGNED" | "HIRING.UNKNOWN_TEST" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND";
  cancelOrder: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND" | "ORDERS.ILLEGAL_TRANSITION";
  checkInOrder: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND" | "ORDERS.CHECK_IN_CLOSED" | "ORDERS.ILLEGAL_TRANSITION" | "ORDERS.PHOTO_INVALID";
  copyOrder: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND" | "ORDERS.NOT_COPYABLE" | "ORDERS.SERVICE_TYPE_UNAVAILABLE" | "ORDERS.START_OUT_OF_RANGE";
  createApplication: CommonErrorCode | "HIRING.CHALLENGE_INVALID" | "HIRING.CHALLENGE_REUSED" | "HIRING.UNKNOWN_SERVICE_TYPE" | "HIRING.VACANCY_UNAVAILABLE" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED";
  createOrder: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "ORDERS.SERVICE_TYPE_UNAVAILABLE" | "ORDERS.START_OUT_OF_RANGE";
  createReviewForm: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "QUALITY.FORM_INVALID";
  createReviewFormVersion: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND" | "QUALITY.FORM_INVALID";
  createReward: CommonErrorCode | "AUTH.FORBIDDEN" | "BILLING.AMOUNT_OUT_OF_RANGE" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND";
  createServiceType: CommonErrorCode | "AUTH.FORBIDDEN" | "CATALOG.NAME_TAKEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED";
  createTopUp: CommonErrorCode | "AUTH.FORBIDDEN" | "BILLING.AMOUNT_OUT_OF_RANGE" | "BILLING.PAYMENT_DECLINED" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "SERVICE.UNAVAILABLE";
  createWebhookEndpoint: CommonErrorCode | "AUTH.FORBIDDEN" | "EVENTS.UNKNOWN_TYPE" | "WEBHOOKS.URL_NOT_ALLOWED" | "WEBHOOKS.URL_UNRESOLVABLE";
  declineOffer: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "MATCHING.OFFER_ANSWERED" | "MATCHING.OFFER_EXPIRED" | "MATCHING.OFFER_WITHDRAWN" | "NOT_FOUND";
  deleteWebhookEndpoint: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND";
  eraseMe: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND";
  exportMe: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND";
  finishSingleSignOn: CommonErrorCode | "OIDC.EMAIL_NOT_VERIFIED" | "OIDC.FAILED" | "OIDC.INVALID_STATE" | "OIDC.PROVIDER_UNAVAILABLE" | "OIDC.UNKNOWN_PROVIDER";
  forgotPassword: CommonErrorCode | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED";
  getApplication: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND";
  getApplicationChallenge: CommonErrorCode;
  getBalance: CommonErrorCode | "AUTH.FORBIDDEN";
  getEarnings: CommonErrorCode | "AUTH.FORBIDDEN";
  getFile: CommonErrorCode | "AUTH.FORBIDDEN" | "FILES.STORAGE_UNAVAILABLE" | "NOT_FOUND";
  getHealth: CommonErrorCode;
  getInvoice: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND";
  getKit: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND";
  getMe: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND";
  getMetrics: CommonErrorCode;
  getOpenApi: CommonErrorCode;
  getOrder: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND";
  getOrderTimeline: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND";
  getPayout: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND";
  getReadiness: CommonErrorCode;
  getReview: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND";
  getSandboxClock: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND";
  getSettlement: CommonErrorCode | "AUTH.FORBIDDEN" | "BIDS.NOT_SETTLED" | "NOT_FOUND";
  getUpcomingInvoice: CommonErrorCode | "AUTH.FORBIDDEN";
  getWorker: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND";
  hireApplicant: CommonErrorCode | "AUTH.FORBIDDEN" | "HIRING.ILLEGAL_TRANSITION" | "HIRING.TESTS_NOT_PASSED" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND";
  listApplications: CommonErrorCode | "AUTH.FORBIDDEN";
  listBids: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND";
  listEmails: CommonErrorCode | "AUTH.FORBIDDEN";
  listEvents: CommonErrorCode | "AUTH.FORBIDDEN" | "EVENTS.UNKNOWN_CURSOR" | "EVENTS.UNKNOWN_TYPE";
  listInvoices: CommonErrorCode | "AUTH.FORBIDDEN";
  listKits: CommonErrorCode | "AUTH.FORBIDDEN";
  listOffers: CommonErrorCode | "AUTH.FORBIDDEN";
  listOrders: CommonErrorCode | "AUTH.FORBIDDEN";
  listPayouts: CommonErrorCode | "AUTH.FORBIDDEN";
  listReviewForms: CommonErrorCode | "AUTH.FORBIDDEN";
  listReviews: CommonErrorCode | "AUTH.FORBIDDEN";
  listServiceTypes: CommonErrorCode;
  listStatements: CommonErrorCode | "AUTH.FORBIDDEN";
  listVacancies: CommonErrorCode;
  listWebhookEndpoints: CommonErrorCode | "AUTH.FORBIDDEN";
  listWorkers: CommonErrorCode | "AUTH.FORBIDDEN";
  login: CommonErrorCode | "AUTH.EMAIL_NOT_VERIFIED" | "AUTH.INVALID_CREDENTIALS" | "AUTH.LOCKED";
  logout: CommonErrorCode | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED";
  markKitReady: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND" | "ORDERS.ILLEGAL_TRANSITION" | "SUPPLIES.COOKIE_NOT_ARRIVED" | "SUPPLIES.ILLEGAL_TRANSITION" | "SUPPLIES.KIT_INCOMPLETE";
  markSettlementSharePaid: CommonErrorCode | "AUTH.FORBIDDEN" | "BIDS.SHARE_ALREADY_PAID" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND";
  openReview: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND";
  packKit: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND" | "SUPPLIES.ILLEGAL_TRANSITION" | "SUPPLIES.UNKNOWN_ITEM";
  placeBid: CommonErrorCode | "AUTH.FORBIDDEN" | "BIDS.ORDER_STARTED" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND";
  recordReviewResult: CommonErrorCode | "AUTH.FORBIDDEN" | "BILLING.ALREADY_REFUNDED" | "BILLING.NOT_INVOICED" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND" | "QUALITY.ANSWERS_INVALID" | "QUALITY.NO_FORM" | "QUALITY.REFUND_NEEDS_OVERTURN" | "QUALITY.REVIEW_DONE" | "QUALITY.UNKNOWN_FORM";
  refreshTokens: CommonErrorCode | "AUTH.INVALID_REFRESH_TOKEN" | "AUTH.REFRESH_TOKEN_REUSED";
  register: CommonErrorCode | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED";
  rejectApplication: CommonErrorCode | "AUTH.FORBIDDEN" | "HIRING.ILLEGAL_TRANSITION" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND";
  rejectOrder: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND" | "ORDERS.ILLEGAL_TRANSITION";
  reportOrder: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND" | "ORDERS.ILLEGAL_TRANSITION" | "ORDERS.PHOTO_INVALID";
  resendVerification: CommonErrorCode | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED";
  resetPassword: CommonErrorCode | "AUTH.INVALID_CODE" | "AUTH.LOCKED" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED";
  retryKitCookie: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND" | "SUPPLIES.NOTHING_TO_RETRY";
  rotateWebhookEndpointSecret: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND";
  startSingleSignOn: CommonErrorCode | "OIDC.PROVIDER_UNAVAILABLE" | "OIDC.UNKNOWN_PROVIDER";
  startTestAttempt: CommonErrorCode | "AUTH.FORBIDDEN" | "HIRING.APPLICATION_CLOSED" | "HIRING.NO_ATTEMPTS_LEFT" | "HIRING.TEST_PASSED" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND";
  submitTestAnswers: CommonErrorCode | "AUTH.FORBIDDEN" | "HIRING.ANSWERS_INVALID" | "HIRING.APPLICATION_CLOSED" | "HIRING.ATTEMPT_EXPIRED" | "HIRING.ATTEMPT_SUBMITTED" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND";
  tipOrder: CommonErrorCode | "AUTH.FORBIDDEN" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED" | "NOT_FOUND" | "ORDERS.NOT_TIPPABLE" | "ORDERS.TIP_OUT_OF_RANGE" | "ORDERS.TIP_WINDOW_CLOSED";
  updateMe: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND";
  updateOrder: CommonErrorCode | "AUTH.FORBIDDEN" | "NOT_FOUND" | "ORDERS.NOT_EDITABLE" | "ORDERS.SERVICE_TYPE_UNAVAILABLE" | "ORDERS.START_OUT_OF_RANGE" | "ORDERS.WORKER_BUSY";
  updateServiceType: CommonErrorCode | "AUTH.FORBIDDEN" | "CATALOG.NAME_TAKEN" | "NOT_FOUND";
  uploadFile: CommonErrorCode | "AUTH.FORBIDDEN" | "FILES.STORAGE_UNAVAILABLE" | "FILES.UNSUPPORTED_TYPE" | "IDEMPOTENCY.ANSWER_LOST" | "IDEMPOTENCY.IN_FLIGHT" | "IDEMPOTENCY.KEY_REUSED";
  verifyEmail: CommonErrorCode | "AUTH.INVALID_CODE" | "AUTH.LOCKED";
}

/** What the runtime needs to call each method (sdk/src/resources.ts reads it). */
export const resourceTable = {
  applicationChallenge: {
    get: {"operationId":"getApplicationChallenge","method":"GET","path":"/v1/application-challenge","pathParams":[],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
  },
  applications: {
    assignTest: {"operationId":"assignApplicationTest","method":"POST","path":"/v1/applications/{id}/tests","pathParams":["id"],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    create: {"operationId":"createApplication","method":"POST","path":"/v1/applications","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    get: {"operationId":"getApplication","method":"GET","path":"/v1/applications/{id}","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    hire: {"operationId":"hireApplicant","method":"POST","path":"/v1/applications/{id}/hire","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    list: {"operationId":"listApplications","method":"GET","path":"/v1/applications","pathParams":[],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":"cursor"},
    reject: {"operationId":"rejectApplication","method":"POST","path":"/v1/applications/{id}/reject","pathParams":["id"],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    startTestAttempt: {"operationId":"startTestAttempt","method":"POST","path":"/v1/applications/{id}/tests/{assignmentId}/attempts","pathParams":["id","assignmentId"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    submitTestAnswers: {"operationId":"submitTestAnswers","method":"POST","path":"/v1/applications/{id}/tests/{assignmentId}/attempts/{attemptId}/answers","pathParams":["id","assignmentId","attemptId"],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
  },
  auth: {
    finishSingleSignOn: {"operationId":"finishSingleSignOn","method":"GET","path":"/v1/auth/oidc/{provider}/callback","pathParams":["provider"],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    forgotPassword: {"operationId":"forgotPassword","method":"POST","path":"/v1/auth/password/forgot","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    login: {"operationId":"login","method":"POST","path":"/v1/auth/login","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    logout: {"operationId":"logout","method":"POST","path":"/v1/auth/logout","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    refreshTokens: {"operationId":"refreshTokens","method":"POST","path":"/v1/auth/refresh","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    register: {"operationId":"register","method":"POST","path":"/v1/auth/register","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    resendVerification: {"operationId":"resendVerification","method":"POST","path":"/v1/auth/verify-email/resend","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    resetPassword: {"operationId":"resetPassword","method":"POST","path":"/v1/auth/password/reset","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    startSingleSignOn: {"operationId":"startSingleSignOn","method":"GET","path":"/v1/auth/oidc/{provider}/login","pathParams":["provider"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    verifyEmail: {"operationId":"verifyEmail","method":"POST","path":"/v1/auth/verify-email","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
  },
  balance: {
    get: {"operationId":"getBalance","method":"GET","path":"/v1/balance","pathParams":[],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
  },
  earnings: {
    get: {"operationId":"getEarnings","method":"GET","path":"/v1/earnings","pathParams":[],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
  },
  emails: {
    list: {"operationId":"listEmails","method":"GET","path":"/v1/emails","pathParams":[],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":"cursor"},
  },
  events: {
    list: {"operationId":"listEvents","method":"GET","path":"/v1/events","pathParams":[],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":"after"},
  },
  files: {
    get: {"operationId":"getFile","method":"GET","path":"/v1/files/{id}","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"blob","cursorParam":null},
    upload: {"operationId":"uploadFile","method":"POST","path":"/v1/files","pathParams":[],"query":"none","body":"required","multipart":true,"parseAs":"json","cursorParam":null},
  },
  invoices: {
    get: {"operationId":"getInvoice","method":"GET","path":"/v1/invoices/{id}","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    getUpcoming: {"operationId":"getUpcomingInvoice","method":"GET","path":"/v1/invoices/upcoming","pathParams":[],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    list: {"operationId":"listInvoices","method":"GET","path":"/v1/invoices","pathParams":[],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":"cursor"},
  },
  kits: {
    get: {"operationId":"getKit","method":"GET","path":"/v1/kits/{id}","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    list: {"operationId":"listKits","method":"GET","path":"/v1/kits","pathParams":[],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":"cursor"},
    markReady: {"operationId":"markKitReady","method":"POST","path":"/v1/kits/{id}/ready","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    pack: {"operationId":"packKit","method":"POST","path":"/v1/kits/{id}/pack","pathParams":["id"],"query":"none","body":"optional","multipart":false,"parseAs":"json","cursorParam":null},
    retryCookie: {"operationId":"retryKitCookie","method":"POST","path":"/v1/kits/{id}/cookie/retry","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
  },
  me: {
    erase: {"operationId":"eraseMe","method":"DELETE","path":"/v1/me","pathParams":[],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    export: {"operationId":"exportMe","method":"GET","path":"/v1/me/export","pathParams":[],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    get: {"operationId":"getMe","method":"GET","path":"/v1/me","pathParams":[],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    update: {"operationId":"updateMe","method":"PATCH","path":"/v1/me","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
  },
  offers: {
    accept: {"operationId":"acceptOffer","method":"POST","path":"/v1/offers/{id}/accept","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    decline: {"operationId":"declineOffer","method":"POST","path":"/v1/offers/{id}/decline","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    list: {"operationId":"listOffers","method":"GET","path":"/v1/offers","pathParams":[],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":"cursor"},
  },
  operations: {
    getHealth: {"operationId":"getHealth","method":"GET","path":"/healthz","pathParams":[],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    getMetrics: {"operationId":"getMetrics","method":"GET","path":"/metrics","pathParams":[],"query":"none","body":"none","multipart":false,"parseAs":"text","cursorParam":null},
    getOpenApi: {"operationId":"getOpenApi","method":"GET","path":"/openapi.json","pathParams":[],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    getReadiness: {"operationId":"getReadiness","method":"GET","path":"/readyz","pathParams":[],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
  },
  orders: {
    accept: {"operationId":"acceptOrder","method":"POST","path":"/v1/orders/{id}/accept","pathParams":["id"],"query":"none","body":"optional","multipart":false,"parseAs":"json","cursorParam":null},
    cancel: {"operationId":"cancelOrder","method":"POST","path":"/v1/orders/{id}/cancel","pathParams":["id"],"query":"none","body":"optional","multipart":false,"parseAs":"json","cursorParam":null},
    checkIn: {"operationId":"checkInOrder","method":"POST","path":"/v1/orders/{id}/check-in","pathParams":["id"],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    copy: {"operationId":"copyOrder","method":"POST","path":"/v1/orders/{id}/copy","pathParams":["id"],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    create: {"operationId":"createOrder","method":"POST","path":"/v1/orders","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    get: {"operationId":"getOrder","method":"GET","path":"/v1/orders/{id}","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    getSettlement: {"operationId":"getSettlement","method":"GET","path":"/v1/orders/{id}/settlement","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    getTimeline: {"operationId":"getOrderTimeline","method":"GET","path":"/v1/orders/{id}/timeline","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    list: {"operationId":"listOrders","method":"GET","path":"/v1/orders","pathParams":[],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":"cursor"},
    listBids: {"operationId":"listBids","method":"GET","path":"/v1/orders/{id}/bids","pathParams":["id"],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":"cursor"},
    placeBid: {"operationId":"placeBid","method":"POST","path":"/v1/orders/{id}/bids","pathParams":["id"],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    reject: {"operationId":"rejectOrder","method":"POST","path":"/v1/orders/{id}/reject","pathParams":["id"],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    report: {"operationId":"reportOrder","method":"POST","path":"/v1/orders/{id}/report","pathParams":["id"],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    tip: {"operationId":"tipOrder","method":"POST","path":"/v1/orders/{id}/tip","pathParams":["id"],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    update: {"operationId":"updateOrder","method":"PATCH","path":"/v1/orders/{id}","pathParams":["id"],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
  },
  payouts: {
    get: {"operationId":"getPayout","method":"GET","path":"/v1/payouts/{id}","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    list: {"operationId":"listPayouts","method":"GET","path":"/v1/payouts","pathParams":[],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":"cursor"},
  },
  reviewForms: {
    create: {"operationId":"createReviewForm","method":"POST","path":"/v1/review-forms","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    createVersion: {"operationId":"createReviewFormVersion","method":"POST","path":"/v1/review-forms/{id}/versions","pathParams":["id"],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    list: {"operationId":"listReviewForms","method":"GET","path":"/v1/review-forms","pathParams":[],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":"cursor"},
  },
  reviews: {
    get: {"operationId":"getReview","method":"GET","path":"/v1/reviews/{id}","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    list: {"operationId":"listReviews","method":"GET","path":"/v1/reviews","pathParams":[],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":"cursor"},
    open: {"operationId":"openReview","method":"POST","path":"/v1/reviews","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    recordResult: {"operationId":"recordReviewResult","method":"POST","path":"/v1/reviews/{id}/result","pathParams":["id"],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
  },
  sandbox: {
    advance: {"operationId":"advanceSandboxClock","method":"POST","path":"/v1/sandbox/clock","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    getClock: {"operationId":"getSandboxClock","method":"GET","path":"/v1/sandbox/clock","pathParams":[],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
  },
  serviceTypes: {
    create: {"operationId":"createServiceType","method":"POST","path":"/v1/service-types","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    list: {"operationId":"listServiceTypes","method":"GET","path":"/v1/service-types","pathParams":[],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":"cursor"},
    update: {"operationId":"updateServiceType","method":"PATCH","path":"/v1/service-types/{id}","pathParams":["id"],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
  },
  settlementShares: {
    markPaid: {"operationId":"markSettlementSharePaid","method":"POST","path":"/v1/settlement-shares/{id}/paid","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
  },
  statements: {
    list: {"operationId":"listStatements","method":"GET","path":"/v1/statements","pathParams":[],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":"cursor"},
  },
  topUps: {
    create: {"operationId":"createTopUp","method":"POST","path":"/v1/top-ups","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
  },
  vacancies: {
    list: {"operationId":"listVacancies","method":"GET","path":"/v1/vacancies","pathParams":[],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
  },
  webhookEndpoints: {
    create: {"operationId":"createWebhookEndpoint","method":"POST","path":"/v1/webhook-endpoints","pathParams":[],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    delete: {"operationId":"deleteWebhookEndpoint","method":"DELETE","path":"/v1/webhook-endpoints/{id}","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    list: {"operationId":"listWebhookEndpoints","method":"GET","path":"/v1/webhook-endpoints","pathParams":[],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":"cursor"},
    rotateSecret: {"operationId":"rotateWebhookEndpointSecret","method":"POST","path":"/v1/webhook-endpoints/{id}/rotate-secret","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
  },
  workers: {
    createReward: {"operationId":"createReward","method":"POST","path":"/v1/workers/{id}/rewards","pathParams":["id"],"query":"none","body":"required","multipart":false,"parseAs":"json","cursorParam":null},
    get: {"operationId":"getWorker","method":"GET","path":"/v1/workers/{id}","pathParams":["id"],"query":"none","body":"none","multipart":false,"parseAs":"json","cursorParam":null},
    list: {"operationId":"listWorkers","method":"GET","path":"/v1/workers","pathParams":[],"query":"optional","body":"none","multipart":false,"parseAs":"json","cursorParam":"cursor"},
  },
} as const;

/** The resource methods `createChorecat()` returns, by group (the API's resources). */
export interface Resources {
  applicationChallenge: {
    /** A proof-of-work challenge for the application form: `GET /v1/application-challenge` (getApplicationChallenge). */
    get: Method<operations["getApplicationChallenge"], "getApplicationChallenge", []>;
  };
  applications: {
    /** Assign a test (managers): `POST /v1/applications/{id}/tests` (assignApplicationTest). */
    assignTest: Method<operations["assignApplicationTest"], "assignApplicationTest", [id: operations["assignApplicationTest"]['parameters']['path']["id"]]>;
    /** Apply to become a worker (public): `POST /v1/applications` (createApplication). */
    create: Method<operations["createApplication"], "createApplication", []>;
    /** An application, with its tests: `GET /v1/applications/{id}` (getApplication). */
    get: Method<operations["getApplication"], "getApplication", [id: operations["getApplication"]['parameters']['path']["id"]]>;
    /** Hire the applicant (managers): `POST /v1/applications/{id}/hire` (hireApplicant). */
    hire: Method<operations["hireApplicant"], "hireApplicant", [id: operations["hireApplicant"]['parameters']['path']["id"]]>;
    /** List applications: `GET /v1/applications` (listApplications). */
    list: ListMethod<operations["listApplications"], "listApplications", [], "cursor">;
    /** Reject the application (managers): `POST /v1/applications/{id}/reject` (rejectApplication). */
    reject: Method<operations["rejectApplication"], "rejectApplication", [id: operations["rejectApplication"]['parameters']['path']["id"]]>;
    /** Start an attempt at an assigned test (the applicant): `POST /v1/applications/{id}/tests/{assignmentId}/attempts` (startTestAttempt). */
    startTestAttempt: Method<operations["startTestAttempt"], "startTestAttempt", [id: operations["startTestAttempt"]['parameters']['path']["id"], assignmentId: operations["startTestAttempt"]['parameters']['path']["assignmentId"]]>;
    /** Submit an attempt's answers (the applicant): `POST /v1/applications/{id}/tests/{assignmentId}/attempts/{attemptId}/answers` (submitTestAnswers). */
    submitTestAnswers: Method<operations["submitTestAnswers"], "submitTestAnswers", [id: operations["submitTestAnswers"]['parameters']['path']["id"], assignmentId: operations["submitTestAnswers"]['parameters']['path']["assignmentId"], attemptId: operations["submitTestAnswers"]['parameters']['path']["attemptId"]]>;
  };
  auth: {
    /** Finish single sign-on (the provider redirects here): `GET /v1/auth/oidc/{provider}/callback` (finishSingleSignOn). */
    finishSingleSignOn: Method<operations["finishSingleSignOn"], "finishSingleSignOn", [provider: operations["finishSingleSignOn"]['parameters']['path']["provider"]]>;
    /** Email a password-reset code: `POST /v1/auth/password/forgot` (forgotPassword). */
    forgotPassword: Method<operations["forgotPassword"], "forgotPassword", []>;
    /** Sign in with email and password: `POST /v1/auth/login` (login). */
    login: Method<operations["login"], "login", []>;
    /** Sign out: `POST /v1/auth/logout` (logout). */
    logout: Method<operations["logout"], "logout", []>;
    /** Exchange a refresh token for new tokens: `POST /v1/auth/refresh` (refreshTokens). */
    refreshTokens: Method<operations["refreshTokens"], "refreshTokens", []>;
    /** Create an account: `POST /v1/auth/register` (register). */
    register: Method<operations["register"], "register", []>;
    /** Send a new verification code: `POST /v1/auth/verify-email/resend` (resendVerification). */
    resendVerification: Method<operations["resendVerification"], "resendVerification", []>;
    /** Set a new password with the emailed code: `POST /v1/auth/password/reset` (resetPassword). */
    resetPassword: Method<operations["resetPassword"], "resetPassword", []>;
    /** Start single sign-on with an OpenID Connect provider: `GET /v1/auth/oidc/{provider}/login` (startSingleSignOn). */
    startSingleSignOn: Method<operations["startSingleSignOn"], "startSingleSignOn", [provider: operations["startSingleSignOn"]['parameters']['path']["provider"]]>;
    /** Verify the email address with the emailed code: `POST /v1/auth/verify-email` (verifyEmail). */
    verifyEmail: Method<operations["verifyEmail"], "verifyEmail", []>;
  };
  balance: {
    /** The client's balance: `GET /v1/balance` (getBalance). */
    get: Method<operations["getBalance"], "getBalance", []>;
  };
  earnings: {
    /** A worker's earnings for a period: `GET /v1/earnings` (getEarnings). */
    get: Method<operations["getEarnings"], "getEarnings", []>;
  };
  emails: {
    /** List every email the platform has sent or will send: `GET /v1/emails` (listEmails). */
    list: ListMethod<operations["listEmails"], "listEmails", [], "cursor">;
  };
  events: {
    /** The public event feed: `GET /v1/events` (listEvents). */
    list: ListMethod<operations["listEvents"], "listEvents", [], "after">;
  };
  files: {
    /** Download a photo: `GET /v1/files/{id}` (getFile). */
    get: Method<operations["getFile"], "getFile", [id: operations["getFile"]['parameters']['path']["id"]]>;
    /** Upload a photo: `POST /v1/files` (uploadFile). */
    upload: Method<operations["uploadFile"], "uploadFile", []>;
  };
  invoices: {
    /** An invoice, with its calculation: `GET /v1/invoices/{id}` (getInvoice). */
    get: Method<operations["getInvoice"], "getInvoice", [id: operations["getInvoice"]['parameters']['path']["id"]]>;
    /** What the client will pay this Sunday: `GET /v1/invoices/upcoming` (getUpcomingInvoice). */
    getUpcoming: Method<operations["getUpcomingInvoice"], "getUpcomingInvoice", []>;
    /** Invoices, newest first: `GET /v1/invoices` (listInvoices). */
    list: ListMethod<operations["listInvoices"], "listInvoices", [], "cursor">;
  };
  kits: {
    /** A kit: `GET /v1/kits/{id}` (getKit). */
    get: Method<operations["getKit"], "getKit", [id: operations["getKit"]['parameters']['path']["id"]]>;
    /** The kit assembly queue: `GET /v1/kits` (listKits). */
    list: ListMethod<operations["listKits"], "listKits", [], "cursor">;
    /** Mark a kit ready: `POST /v1/kits/{id}/ready` (markKitReady). */
    markReady: Method<operations["markKitReady"], "markKitReady", [id: operations["markKitReady"]['parameters']['path']["id"]]>;
    /** Pack items into a kit: `POST /v1/kits/{id}/pack` (packKit). */
    pack: Method<operations["packKit"], "packKit", [id: operations["packKit"]['parameters']['path']["id"]]>;
    /** Call the supplier again now: `POST /v1/kits/{id}/cookie/retry` (retryKitCookie). */
    retryCookie: Method<operations["retryKitCookie"], "retryKitCookie", [id: operations["retryKitCookie"]['parameters']['path']["id"]]>;
  };
  me: {
    /** Erase your personal data (GDPR): `DELETE /v1/me` (eraseMe). */
    erase: Method<operations["eraseMe"], "eraseMe", []>;
    /** Export your personal data (GDPR): `GET /v1/me/export` (exportMe). */
    export: Method<operations["exportMe"], "exportMe", []>;
    /** Your profile: `GET /v1/me` (getMe). */
    get: Method<operations["getMe"], "getMe", []>;
    /** Update your profile: `PATCH /v1/me` (updateMe). */
    update: Method<operations["updateMe"], "updateMe", []>;
  };
  offers: {
    /** Take the order I was offered (workers): `POST /v1/offers/{id}/accept` (acceptOffer). */
    accept: Method<operations["acceptOffer"], "acceptOffer", [id: operations["acceptOffer"]['parameters']['path']["id"]]>;
    /** Turn down the order I was offered (workers): `POST /v1/offers/{id}/decline` (declineOffer). */
    decline: Method<operations["declineOffer"], "declineOffer", [id: operations["declineOffer"]['parameters']['path']["id"]]>;
    /** The orders offered to me (workers): `GET /v1/offers` (listOffers). */
    list: ListMethod<operations["listOffers"], "listOffers", [], "cursor">;
  };
  operations: {
    /** Liveness: `GET /healthz` (getHealth). */
    getHealth: Method<operations["getHealth"], "getHealth", []>;
    /** Prometheus metrics: `GET /metrics` (getMetrics). */
    getMetrics: Method<operations["getMetrics"], "getMetrics", []>;
    /** This contract, as JSON: `GET /openapi.json` (getOpenApi). */
    getOpenApi: Method<operations["getOpenApi"], "getOpenApi", []>;
    /** Readiness: `GET /readyz` (getReadiness). */
    getReadiness: Method<operations["getReadiness"], "getReadiness", []>;
  };
  orders: {
    /** Accept the work (the client): `POST /v1/orders/{id}/accept` (acceptOrder). */
    accept: Method<operations["acceptOrder"], "acceptOrder", [id: operations["acceptOrder"]['parameters']['path']["id"]]>;
    /** Cancel an order: `POST /v1/orders/{id}/cancel` (cancelOrder). */
    cancel: Method<operations["cancelOrder"], "cancelOrder", [id: operations["cancelOrder"]['parameters']['path']["id"]]>;
    /** Check in (the assigned worker): `POST /v1/orders/{id}/check-in` (checkInOrder). */
    checkIn: Method<operations["checkInOrder"], "checkInOrder", [id: operations["checkInOrder"]['parameters']['path']["id"]]>;
    /** Book a failed order again (the client): `POST /v1/orders/{id}/copy` (copyOrder). */
    copy: Method<operations["copyOrder"], "copyOrder", [id: operations["copyOrder"]['parameters']['path']["id"]]>;
    /** Post a work order: `POST /v1/orders` (createOrder). */
    create: Method<operations["createOrder"], "createOrder", []>;
    /** An order: `GET /v1/orders/{id}` (getOrder). */
    get: Method<operations["getOrder"], "getOrder", [id: operations["getOrder"]['parameters']['path']["id"]]>;
    /** How an ended order's pot was split (managers): `GET /v1/orders/{id}/settlement` (getSettlement). */
    getSettlement: Method<operations["getSettlement"], "getSettlement", [id: operations["getSettlement"]['parameters']['path']["id"]]>;
    /** The order's timeline: `GET /v1/orders/{id}/timeline` (getOrderTimeline). */
    getTimeline: Method<operations["getOrderTimeline"], "getOrderTimeline", [id: operations["getOrderTimeline"]['parameters']['path']["id"]]>;
    /** List orders: `GET /v1/orders` (listOrders). */
    list: ListMethod<operations["listOrders"], "listOrders", [], "cursor">;
    /** The bids on an order (managers): `GET /v1/orders/{id}/bids` (listBids). */
    listBids: ListMethod<operations["listBids"], "listBids", [id: operations["listBids"]['parameters']['path']["id"]], "cursor">;
    /** Stake on an order's outcome (managers): `POST /v1/orders/{id}/bids` (placeBid). */
    placeBid: Method<operations["placeBid"], "placeBid", [id: operations["placeBid"]['parameters']['path']["id"]]>;
    /** Reject the work (the client): `POST /v1/orders/{id}/reject` (rejectOrder). */
    reject: Method<operations["rejectOrder"], "rejectOrder", [id: operations["rejectOrder"]['parameters']['path']["id"]]>;
    /** Report the work done (the assigned worker): `POST /v1/orders/{id}/report` (reportOrder). */
    report: Method<operations["reportOrder"], "reportOrder", [id: operations["reportOrder"]['parameters']['path']["id"]]>;
    /** Tip the worker of an accepted order (the client): `POST /v1/orders/{id}/tip` (tipOrder). */
    tip: Method<operations["tipOrder"], "tipOrder", [id: operations["tipOrder"]['parameters']['path']["id"]]>;
    /** Edit an order's parameters (managers): `PATCH /v1/orders/{id}` (updateOrder). */
    update: Method<operations["updateOrder"], "updateOrder", [id: operations["updateOrder"]['parameters']['path']["id"]]>;
  };
  payouts: {
    /** A payout: `GET /v1/payouts/{id}` (getPayout). */
    get: Method<operations["getPayout"], "getPayout", [id: operations["getPayout"]['parameters']['path']["id"]]>;
    /** Payouts, newest first: `GET /v1/payouts` (listPayouts). */
    list: ListMethod<operations["listPayouts"], "listPayouts", [], "cursor">;
  };
  reviewForms: {
    /** Define a review form (managers): `POST /v1/review-forms` (createReviewForm). */
    create: Method<operations["createReviewForm"], "createReviewForm", []>;
    /** Edit a review form (a new version): `POST /v1/review-forms/{id}/versions` (createReviewFormVersion). */
    createVersion: Method<operations["createReviewFormVersion"], "createReviewFormVersion", [id: operations["createReviewFormVersion"]['parameters']['path']["id"]]>;
    /** Review forms (the current version of each): `GET /v1/review-forms` (listReviewForms). */
    list: ListMethod<operations["listReviewForms"], "listReviewForms", [], "cursor">;
  };
  reviews: {
    /** One review, with everything needed to do it: `GET /v1/reviews/{id}` (getReview). */
    get: Method<operations["getReview"], "getReview", [id: operations["getReview"]['parameters']['path']["id"]]>;
    /** The review queue: `GET /v1/reviews` (listReviews). */
    list: ListMethod<operations["listReviews"], "listReviews", [], "cursor">;
    /** Open a review of any order (managers): `POST /v1/reviews` (openReview). */
    open: Method<operations["openReview"], "openReview", []>;
    /** Record a review's result: `POST /v1/reviews/{id}/result` (recordReviewResult). */
    recordResult: Method<operations["recordReviewResult"], "recordReviewResult", [id: operations["recordReviewResult"]['parameters']['path']["id"]]>;
  };
  sandbox: {
    /** Advance the platform clock: `POST /v1/sandbox/clock` (advanceSandboxClock). */
    advance: Method<operations["advanceSandboxClock"], "advanceSandboxClock", []>;
    /** Read the platform clock: `GET /v1/sandbox/clock` (getSandboxClock). */
    getClock: Method<operations["getSandboxClock"], "getSandboxClock", []>;
  };
  serviceTypes: {
    /** Create a service type: `POST /v1/service-types` (createServiceType). */
    create: Method<operations["createServiceType"], "createServiceType", []>;
    /** List the service types clients can order: `GET /v1/service-types` (listServiceTypes). */
    list: ListMethod<operations["listServiceTypes"], "listServiceTypes", [], "cursor">;
    /** Change a service type: `PATCH /v1/service-types/{id}` (updateServiceType). */
    update: Method<operations["updateServiceType"], "updateServiceType", [id: operations["updateServiceType"]['parameters']['path']["id"]]>;
  };
  settlementShares: {
    /** Mark a winner's share paid (managers): `POST /v1/settlement-shares/{id}/paid` (markSettlementSharePaid). */
    markPaid: Method<operations["markSettlementSharePaid"], "markSettlementSharePaid", [id: operations["markSettlementSharePaid"]['parameters']['path']["id"]]>;
  };
  statements: {
    /** Worker statements, newest first: `GET /v1/statements` (listStatements). */
    list: ListMethod<operations["listStatements"], "listStatements", [], "cursor">;
  };
  topUps: {
    /** Top up the balance: `POST /v1/top-ups` (createTopUp). */
    create: Method<operations["createTopUp"], "createTopUp", []>;
  };
  vacancies: {
    /** Open vacancies: `GET /v1/vacancies` (listVacancies). */
    list: Method<operations["listVacancies"], "listVacancies", []>;
  };
  webhookEndpoints: {
    /** Register a webhook endpoint (managers): `POST /v1/webhook-endpoints` (createWebhookEndpoint). */
    create: Method<operations["createWebhookEndpoint"], "createWebhookEndpoint", []>;
    /** Delete a webhook endpoint (managers): `DELETE /v1/webhook-endpoints/{id}` (deleteWebhookEndpoint). */
    delete: Method<operations["deleteWebhookEndpoint"], "deleteWebhookEndpoint", [id: operations["deleteWebhookEndpoint"]['parameters']['path']["id"]]>;
    /** The platform's webhook endpoints (managers): `GET /v1/webhook-endpoints` (listWebhookEndpoints). */
    list: ListMethod<operations["listWebhookEndpoints"], "listWebhookEndpoints", [], "cursor">;
    /** Replace an endpoint's signing secret (managers): `POST /v1/webhook-endpoints/{id}/rotate-secret` (rotateWebhookEndpointSecret). */
    rotateSecret: Method<operations["rotateWebhookEndpointSecret"], "rotateWebhookEndpointSecret", [id: operations["rotateWebhookEndpointSecret"]['parameters']['path']["id"]]>;
  };
  workers: {
    /** Reward a worker (managers): `POST /v1/workers/{id}/rewards` (createReward). */
    createReward: Method<operations["createReward"], "createReward", [id: operations["createReward"]['parameters']['path']["id"]]>;
    /** A worker: `GET /v1/workers/{id}` (getWorker). */
    get: Method<operations["getWorker"], "getWorker", [id: operations["getWorker"]['parameters']['path']["id"]]>;
    /** The worker pool: `GET /v1/workers` (listWorkers). */
    list: ListMethod<operations["listWorkers"], "listWorkers", [], "cursor">;
  };
}
