// GENERATED FILE: do not edit by hand.
// Source: openapi/openapi.yaml. Regenerate with `npm run generate`;
// `npm run generate:check` (part of `npm test`) fails when this file is stale.
/* eslint-disable */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description Answers 200 while the process is serving requests.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503).
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Request counts and latency per route, job runs and failures, and the outbox backlog, in Prometheus text format.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503).
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This contract, as JSON
         * @description **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503).
         */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description Answers 200 when the database answers; 503 `SERVICE.DATABASE_UNAVAILABLE` otherwise (as every operation answers while the database is down), so a load balancer stops routing here.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503).
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/application-challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A proof-of-work challenge for the application form
         * @description An [ALTCHA](https://altcha.org) challenge, issued by this server (no
         *     third party): find the number whose SHA-256 with `salt` is
         *     `challenge`, then send the solution, base64 JSON of `{algorithm,
         *     challenge, number, salt, signature}`, as `challenge` in
         *     `POST /v1/applications`. It expires after a few minutes and buys one
         *     submission. The SDK's `solveApplicationChallenge` does it all.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503).
         */
        get: operations["getApplicationChallenge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List applications
         * @description An applicant sees its own; managers and admins all (the queue, oldest first).
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["listApplications"];
        put?: never;
        /**
         * Apply to become a worker (public)
         * @description Public, and built to withstand a flood: per-address and global rate
         *     limits (429), a 16 kB body limit (413), and a solved proof-of-work
         *     from `GET /v1/application-challenge` that is accepted once (422
         *     `HIRING.CHALLENGE_INVALID`, 409 `HIRING.CHALLENGE_REUSED`). One open
         *     application per email: applying again answers 200 with the existing
         *     application's id and status and creates nothing. A new application
         *     answers 201; the applicant is emailed (with a code to set the
         *     password of the account created for it, unless it had one) and so is
         *     every manager. Tests attached to the vacancy are assigned at once.
         *
         *     **Error codes** (`code` of a problem answer): `HIRING.CHALLENGE_REUSED` (409), `HIRING.CHALLENGE_INVALID` (422), `HIRING.UNKNOWN_SERVICE_TYPE` (422), `HIRING.VACANCY_UNAVAILABLE` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["createApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An application, with its tests
         * @description 404 for an application the caller may not see.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["getApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}/hire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hire the applicant (managers)
         * @description Every assigned test must be passed (409 `HIRING.TESTS_NOT_PASSED`).
         *     The applicant becomes a worker with a worker code and joins the pool at
         *     once; emailed; audited.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `HIRING.ILLEGAL_TRANSITION` (409), `HIRING.TESTS_NOT_PASSED` (409); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["hireApplicant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject the application (managers)
         * @description The applicant is emailed the reason; audited.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `HIRING.ILLEGAL_TRANSITION` (409); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["rejectApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}/tests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign a test (managers)
         * @description The application enters `testing`; the applicant is emailed. 409 when already assigned or the application is decided.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `HIRING.ILLEGAL_TRANSITION` (409), `HIRING.TEST_ALREADY_ASSIGNED` (409), `HIRING.UNKNOWN_TEST` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["assignApplicationTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}/tests/{assignmentId}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an attempt at an assigned test (the applicant)
         * @description Starts the attempt's time limit now and returns the questions (without
         *     their answers). An attempt still running is returned as it is (200).
         *     409 `HIRING.NO_ATTEMPTS_LEFT`, `HIRING.TEST_PASSED`, `HIRING.APPLICATION_CLOSED`.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `HIRING.APPLICATION_CLOSED` (409), `HIRING.NO_ATTEMPTS_LEFT` (409), `HIRING.TEST_PASSED` (409); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["startTestAttempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}/tests/{assignmentId}/attempts/{attemptId}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit an attempt's answers (the applicant)
         * @description One choice index per question, in order. Scored on the server against
         *     the pass mark; the result is emailed. 409 `HIRING.ATTEMPT_EXPIRED`
         *     after the time limit (the attempt counts as used),
         *     `HIRING.ATTEMPT_SUBMITTED` for a second submission; 422
         *     `HIRING.ANSWERS_INVALID` for the wrong number of answers.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `HIRING.APPLICATION_CLOSED` (409), `HIRING.ATTEMPT_EXPIRED` (409), `HIRING.ATTEMPT_SUBMITTED` (409), `HIRING.ANSWERS_INVALID` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["submitTestAnswers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Returns a short-lived access token (a bearer JWT, 15 minutes) and a
         *     refresh token (30 days, single use: each refresh returns a new one).
         *     A wrong email and a wrong password get the same 401. After 5 failed
         *     attempts for one email (or 20 from one address) within 15 minutes,
         *     sign-in for it is locked for 15 minutes (429 `AUTH.LOCKED`, with
         *     Retry-After), whether or not the email has an account.
         *
         *     **Error codes** (`code` of a problem answer): `AUTH.INVALID_CREDENTIALS` (401), `AUTH.EMAIL_NOT_VERIFIED` (403), `AUTH.LOCKED` (429); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503).
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Revokes the refresh token and every token rotated from the same sign-in. Idempotent; an unknown token is not an error.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oidc/{provider}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Finish single sign-on (the provider redirects here)
         * @description Checks state, nonce and PKCE, exchanges the code and signs in. The
         *     provider's account is linked to the user with the same verified
         *     email, or a new client account is created. The provider must vouch
         *     for the email (`email_verified`).
         *
         *     **Error codes** (`code` of a problem answer): `OIDC.FAILED` (400), `OIDC.INVALID_STATE` (400), `OIDC.EMAIL_NOT_VERIFIED` (403), `OIDC.UNKNOWN_PROVIDER` (404), `OIDC.PROVIDER_UNAVAILABLE` (503); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503).
         */
        get: operations["finishSingleSignOn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oidc/{provider}/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start single sign-on with an OpenID Connect provider
         * @description Redirects the browser to the provider (authorization code flow with
         *     PKCE, state and nonce). Providers are configured by the operator
         *     (`OIDC_PROVIDERS`); their names are theirs, e.g. `google`, `keycloak`.
         *
         *     **Error codes** (`code` of a problem answer): `OIDC.UNKNOWN_PROVIDER` (404), `OIDC.PROVIDER_UNAVAILABLE` (503); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503).
         */
        get: operations["startSingleSignOn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a password-reset code
         * @description Always 202; a 6-digit code (15 minutes, 5 attempts) is emailed only to an existing account.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["forgotPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with the emailed code
         * @description A right code sets the password and signs out every session. Wrong code and unknown email get the same 400 `AUTH.INVALID_CODE`.
         *
         *     **Error codes** (`code` of a problem answer): `AUTH.INVALID_CODE` (400), `AUTH.LOCKED` (429); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for new tokens
         * @description Rotates the refresh token: the one sent is spent and a new one is
         *     returned. Presenting a spent refresh token again (a sign of theft)
         *     revokes every token of that sign-in.
         *
         *     **Error codes** (`code` of a problem answer): `AUTH.INVALID_REFRESH_TOKEN` (401), `AUTH.REFRESH_TOKEN_REUSED` (401); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503).
         */
        post: operations["refreshTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account
         * @description Creates a client account and emails a 6-digit verification code
         *     (valid 15 minutes, 5 attempts). Always answers 202 with the same body,
         *     whether or not the email already has an account (the owner of an
         *     existing account is emailed instead), so the endpoint reveals nothing.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify the email address with the emailed code
         * @description A right code verifies the address and signs the user in. A wrong,
         *     expired or used code, and an unknown email, all get the same 400
         *     `AUTH.INVALID_CODE`; after 5 wrong attempts the code is spent.
         *
         *     **Error codes** (`code` of a problem answer): `AUTH.INVALID_CODE` (400), `AUTH.LOCKED` (429); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503).
         */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/verify-email/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a new verification code
         * @description Always 202; a code is sent only to an existing, unverified account.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["resendVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The client's balance
         * @description Derived from the ledger (the sum of the client's entries), with the latest top-ups.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["getBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/earnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A worker's earnings for a period
         * @description Earned, fines, rewards and net between `from` (inclusive; default the first of this month) and `to` (exclusive; default now), stated or not yet.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["getEarnings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List every email the platform has sent or will send
         * @description Newest first. Managers and admins see every email, with its delivery status and body.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["listEmails"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public event feed
         * @description What happened to the resources the caller may see, oldest first: every
         *     public event (the same ones webhooks deliver) with its payload, the
         *     resource as the API returns it. Page on with `after` = the previous
         *     page's `nextCursor`: the feed never skips an event and never repeats
         *     one (an event appears once every transaction older than it has ended,
         *     so a page may end before the newest changes; ask again). Managers and
         *     admins see every event; supplies staff the `kit.*` events; a client the
         *     events of its orders, invoices and balance; a worker those of its
         *     assignments, statements and payouts; an applicant those of its
         *     applications. Events are kept `EVENTS_RETENTION_DAYS` (30) days; an
         *     `after` that names no event (never, not one the caller may see, or
         *     purged) is a 400 `EVENTS.UNKNOWN_CURSOR`.
         *
         *     **Error codes** (`code` of a problem answer): `EVENTS.UNKNOWN_CURSOR` (400), `EVENTS.UNKNOWN_TYPE` (400); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a photo
         * @description A JPEG, PNG or WebP image of at most 10 MB, in the multipart field
         *     `file`. The type is read from the file's own bytes, not from what the
         *     client declares. Use the returned `id` in check-ins and reports.
         *     Readable by the uploader, staff, and the parties of an order that uses it.
         *     A file is stored whole or not at all: when the store cannot take it (the
         *     disk full or not writable, S3 failing or unreachable) the answer is a 503
         *     `FILES.STORAGE_UNAVAILABLE` with `Retry-After` and nothing is stored.
         *
         *     **Error codes** (`code` of a problem answer): `FILES.UNSUPPORTED_TYPE` (415), `FILES.STORAGE_UNAVAILABLE` (503); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["uploadFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a photo
         * @description 404 for a file the caller may not see. When the store cannot be read
         *     (a failing disk, S3 failing or unreachable) the answer is a 503
         *     `FILES.STORAGE_UNAVAILABLE` with `Retry-After`.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `FILES.STORAGE_UNAVAILABLE` (503); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["getFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/integrations/golden-hat/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Golden Hat's payout callback
         * @description Called by Golden Hat, not by partners: `payout.paid` or `payout.failed`
         *     for a payout we sent. Signed like the supplier's callback
         *     (`Golden-Hat-Signature: t=<unix seconds>,v1=<HMAC-SHA256 of "t.<raw body>">`,
         *     five minutes' tolerance); anything else is refused with 401
         *     `BILLING.BAD_SIGNATURE` and changes nothing. Each event id is handled once.
         *
         *     **Error codes** (`code` of a problem answer): `BILLING.BAD_SIGNATURE` (401); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["receiveGoldenHatEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/integrations/supplier/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The cookie supplier's callback
         * @description Called by the supplier, not by partners. The body must carry a
         *     `Supplier-Signature: t=<unix seconds>,v1=<hex>` header: an HMAC-SHA256,
         *     with the shared webhook secret, of `<t>.<the exact body bytes>`, made
         *     within five minutes. Anything else is refused with 401
         *     `SUPPLIES.BAD_SIGNATURE` and changes nothing. Each event id is handled
         *     once; a replay is acknowledged with `duplicate: true`.
         *
         *     **Error codes** (`code` of a problem answer): `SUPPLIES.BAD_SIGNATURE` (401); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["receiveSupplierEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Invoices, newest first
         * @description A client sees its own; managers and admins all (and may filter by client).
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["listInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An invoice, with its calculation
         * @description 404 for an invoice the caller may not see.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["getInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/upcoming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the client will pay this Sunday
         * @description The completed orders not yet invoiced, and the discount that would apply now (by what the client paid before).
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["getUpcomingInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The kit assembly queue
         * @description Kits by their order's scheduled start, soonest first: the queue the
         *     supplies team works from. Filter by `status` (`open` and `assembling`
         *     are the kits still to finish).
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["listKits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A kit
         * @description The kit of one order, its items, and where the supplier's cookie is (with any failed supplier call and its next retry).
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["getKit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kits/{id}/cookie/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Call the supplier again now
         * @description Staff need not wait for the backoff: the kit's pending supplier call
         *     (ordering or cancelling the cookie) is made now, and the kit returned
         *     with its outcome. 409 `SUPPLIES.NOTHING_TO_RETRY` when no call is pending.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `SUPPLIES.NOTHING_TO_RETRY` (409); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["retryKitCookie"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kits/{id}/pack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pack items into a kit
         * @description Marks the named items packed (all of them when `items` is omitted);
         *     names match case-insensitively. 422 `SUPPLIES.UNKNOWN_ITEM` for a
         *     name the kit does not have; 409 for a kit that is ready or cancelled.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `SUPPLIES.ILLEGAL_TRANSITION` (409), `SUPPLIES.UNKNOWN_ITEM` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["packKit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kits/{id}/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a kit ready
         * @description The kit is complete: its order enters `matching` at once and a worker
         *     is sought. Refused with 409 `SUPPLIES.COOKIE_NOT_ARRIVED` while the
         *     supplier's cookie has not arrived, `SUPPLIES.KIT_INCOMPLETE` while an
         *     item is unpacked, and `ORDERS.ILLEGAL_TRANSITION` when the order was
         *     cancelled meanwhile; nothing changes then.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `ORDERS.ILLEGAL_TRANSITION` (409), `SUPPLIES.COOKIE_NOT_ARRIVED` (409), `SUPPLIES.ILLEGAL_TRANSITION` (409), `SUPPLIES.KIT_INCOMPLETE` (409); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["markKitReady"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your profile
         * @description **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        /**
         * Erase your personal data (GDPR)
         * @description Anonymises your personal data everywhere, keeps financial records
         *     (with the personal data removed), revokes every token and makes
         *     signing in impossible. It cannot be undone.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        delete: operations["eraseMe"];
        options?: never;
        head?: never;
        /**
         * Update your profile
         * @description Name, phone, address and avatar only; anything else (roles, email) is refused with a 400.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/v1/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export your personal data (GDPR)
         * @description Every piece of personal data the platform holds about you, as JSON, one section per part of the platform.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["exportMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The orders offered to me (workers)
         * @description With sequential offers (`MATCHING_STRATEGY=offers`) an order whose kit is
         *     ready is offered to one worker at a time, best ranked first, each with a
         *     deadline (`MATCHING_OFFER_SECONDS`, 60 by default); the worker is emailed
         *     the offer. This lists the calling worker's own offers, newest first,
         *     optionally of one `status` (`pending`: the ones still to answer).
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["listOffers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/offers/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take the order I was offered (workers)
         * @description Accepted only while the offer is `pending` and before its `expiresAt`
         *     on the platform clock (the deadline itself is too late, whether or not
         *     the deadline job has marked the offer yet): the worker is assigned and
         *     the price fixed, and the order is `scheduled`. Of racing accepts, and of
         *     an accept racing the deadline, exactly one wins; the others are 409 and
         *     change nothing. 409 `MATCHING.OFFER_EXPIRED` after the deadline,
         *     `MATCHING.OFFER_ANSWERED` for an offer already accepted or declined,
         *     `MATCHING.OFFER_WITHDRAWN` when the order no longer needs a worker
         *     (cancelled, failed); `ORDERS.WORKER_BUSY` when the worker took another
         *     order for that time meanwhile: the offer is then withdrawn and the next
         *     candidate asked. Another worker's offer is 404 `NOT_FOUND`.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `MATCHING.OFFER_EXPIRED` (409), `MATCHING.OFFER_ANSWERED` (409), `MATCHING.OFFER_WITHDRAWN` (409), `ORDERS.WORKER_BUSY` (409); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["acceptOffer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/offers/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn down the order I was offered (workers)
         * @description Declined before the deadline, the order is offered to the next
         *     candidate at once; when nobody is left, matching retries as it does for
         *     an order nobody was free for. The same 409s as accepting (`MATCHING.OFFER_EXPIRED`,
         *     `MATCHING.OFFER_ANSWERED`, `MATCHING.OFFER_WITHDRAWN`); another worker's offer is 404 `NOT_FOUND`.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `MATCHING.OFFER_EXPIRED` (409), `MATCHING.OFFER_ANSWERED` (409), `MATCHING.OFFER_WITHDRAWN` (409); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["declineOffer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders
         * @description A client sees its own orders, a worker those assigned to it, staff all
         *     (and may filter by client or worker). `from` and `to` bound the
         *     scheduled start (from inclusive, to exclusive). Sorted by start.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["listOrders"];
        put?: never;
        /**
         * Post a work order
         * @description The start must be in the future and at most 90 days ahead; the
         *     service type must be active. The order then follows its lifecycle:
         *     its kit is assembled, a worker is matched and the price fixed
         *     (`scheduled`), and the client is emailed at each step.
         *
         *     **Error codes** (`code` of a problem answer): `ORDERS.SERVICE_TYPE_UNAVAILABLE` (422), `ORDERS.START_OUT_OF_RANGE` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["createOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An order
         * @description 404 for an order the caller may not see.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit an order's parameters (managers)
         * @description Date, address, description and service type, while the order has not started (`created`, `matching`, `scheduled`). Recorded in the timeline.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `ORDERS.NOT_EDITABLE` (409), `ORDERS.WORKER_BUSY` (409), `ORDERS.SERVICE_TYPE_UNAVAILABLE` (422), `ORDERS.START_OUT_OF_RANGE` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        patch: operations["updateOrder"];
        trace?: never;
    };
    "/v1/orders/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept the work (the client)
         * @description Optionally with a rating from 1 to 5 and a tip (at most the price; it goes to the worker in full, on its own invoice and statement lines). The order is `completed`; a refused tip refuses the acceptance.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `ORDERS.ILLEGAL_TRANSITION` (409), `ORDERS.TIP_OUT_OF_RANGE` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["acceptOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/bids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bids on an order (managers)
         * @description Every manager's bids on the order, oldest first, with their status (`won` / `lost` once settled).
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["listBids"];
        put?: never;
        /**
         * Stake on an order's outcome (managers)
         * @description Stakes `amount` on the order ending `completed` or `failed`. Open until
         *     the order starts: once it is `in_progress` or has ended this is a 409
         *     `BIDS.ORDER_STARTED` and nothing changes (a bid racing the check-in
         *     either lands before it, in the pot, or is refused). A manager may hold
         *     several bids on one order. Recorded in the ledger (the manager's bids
         *     account to the order's pot) and the audit log.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `BIDS.ORDER_STARTED` (409); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["placeBid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an order
         * @description The client, before the worker checks in; or a manager. 409 in any other state, changing nothing.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `ORDERS.ILLEGAL_TRANSITION` (409); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check in (the assigned worker)
         * @description With a photo uploaded by the worker, during the 2 hours before the start. The order moves to `in_progress`.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `ORDERS.CHECK_IN_CLOSED` (409), `ORDERS.ILLEGAL_TRANSITION` (409), `ORDERS.PHOTO_INVALID` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["checkInOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Book a failed order again (the client)
         * @description One call creates a new order with the same service type, address and description at a new start; it then follows the flow of a new order. Only failed orders can be copied.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `ORDERS.NOT_COPYABLE` (409), `ORDERS.SERVICE_TYPE_UNAVAILABLE` (422), `ORDERS.START_OUT_OF_RANGE` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["copyOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject the work (the client)
         * @description With a reason and an optional rating. The order fails with reason `rejected` and goes to quality review.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `ORDERS.ILLEGAL_TRANSITION` (409); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["rejectOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report the work done (the assigned worker)
         * @description Before and after photos and a photo of the report signed by the client ("all done, no claims"). The order moves to `reported`; the client has 72 hours to accept or reject, after which it is accepted automatically.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `ORDERS.ILLEGAL_TRANSITION` (409), `ORDERS.PHOTO_INVALID` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["reportOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/settlement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How an ended order's pot was split (managers)
         * @description The settlement, computed once when the order ends (completed, failed or
         *     cancelled), also for an order nobody bid on (pot `0.00`, no shares).
         *     404 `BIDS.NOT_SETTLED` until the order has ended and been settled;
         *     404 `NOT_FOUND` when there is no such order.
         *
         *     **Error codes** (`code` of a problem answer): `BIDS.NOT_SETTLED` (404), `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["getSettlement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The order's timeline
         * @description Every transition and edit, oldest first.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["getOrderTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/tip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tip the worker of an accepted order (the client)
         * @description Until the end of the 7th day (business time zone, `TZ_BUSINESS`) after the day the order was accepted,
         *     by its client or automatically: accepted on a Monday, tippable until the next Monday ends. A client may tip several
         *     times; all the order's tips together are at most its price. The tip goes on the client's invoice for the
         *     week it is given in (or the next one if that week is already invoiced) as its own line, after the
         *     discount, and to the worker in full on its next statement. Another client's order is a 404, as a
         *     missing one; an order not completed is a 409 `ORDERS.NOT_TIPPABLE`, after 7 days `ORDERS.TIP_WINDOW_CLOSED`.
         *     Send an `Idempotency-Key`: a retried request then tips once.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `ORDERS.NOT_TIPPABLE` (409), `ORDERS.TIP_WINDOW_CLOSED` (409), `ORDERS.TIP_OUT_OF_RANGE` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["tipOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Payouts, newest first
         * @description Each payable statement's payout through Golden Hat: pending (to be sent,
         *     or sent again after a failed try), processing, paid. A worker sees its
         *     own; managers and admins all, and may filter by worker.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["listPayouts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A payout
         * @description 404 for a payout the caller may not see (another worker's), as for one that does not exist.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["getPayout"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review-forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Review forms (the current version of each)
         * @description Oldest first; the first is the default form of a result that names none.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["listReviewForms"];
        put?: never;
        /**
         * Define a review form (managers)
         * @description Fields of type `text`, `choice` (with options), `rating` (1–5) or `yesno`, each with a unique key. Audited.
         *
         *     **Error codes** (`code` of a problem answer): `QUALITY.FORM_INVALID` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["createReviewForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review-forms/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Edit a review form (a new version)
         * @description The form's next version becomes its current one; reviews already done keep theirs. Audited.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `QUALITY.FORM_INVALID` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["createReviewFormVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The review queue
         * @description Open reviews first, then oldest first. Failed, cancelled and rejected orders enter the
         *     queue by themselves, and a configurable share of completed orders (`REVIEW_SAMPLE_PERCENT`,
         *     default 5 %) is sampled in.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["listReviews"];
        put?: never;
        /**
         * Open a review of any order (managers)
         * @description Opens a `manual` review of the order. An order has at most one open manual review: asking
         *     again while it is open answers 200 with that review and opens nothing. Audited.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["openReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One review, with everything needed to do it
         * @description The review and, from the modules that own them, the order, its timeline, its photos with
         *     their SHA-256, the kit, the matching attempts, the emails sent about the order, its invoice
         *     line, and the worker's record.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["getReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{id}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a review's result
         * @description The answers (checked against the form version: required fields, each field's type, no
         *     unknown keys; 422 `QUALITY.ANSWERS_INVALID` naming each field), the verdict and the
         *     client's feedback. `overturned` on a failure the worker was fined for (no check-in,
         *     rejected) reverses the fine: posted in the ledger now, a line on the worker's next
         *     statement. With `refundClient` the client is refunded the order's invoiced price. The
         *     client and the worker are emailed the outcome. A done review takes no second result
         *     (409 `QUALITY.REVIEW_DONE`). Audited.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `BILLING.ALREADY_REFUNDED` (409), `BILLING.NOT_INVOICED` (409), `QUALITY.REVIEW_DONE` (409), `QUALITY.ANSWERS_INVALID` (422), `QUALITY.NO_FORM` (422), `QUALITY.REFUND_NEEDS_OVERTURN` (422), `QUALITY.UNKNOWN_FORM` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["recordReviewResult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandbox/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the platform clock
         * @description Only outside production (`CHORECAT_SANDBOX=1`); answers 404 when the sandbox is off.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["getSandboxClock"];
        put?: never;
        /**
         * Advance the platform clock
         * @description Moves the clock forward (never back) to `advanceTo`, or by `advanceBy`
         *     (an ISO 8601 duration such as `P1D` or `PT2H`), and runs every
         *     scheduled job that falls due on the way, in time order. Give exactly
         *     one of the two. The answer lists the job runs in the order they ran.
         *     One call moves the clock at most 3,660 days, ten years of jobs (422
         *     `SANDBOX.ADVANCE_TOO_FAR`); advance again for more.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `SANDBOX.CLOCK_BUSY` (409), `SANDBOX.ADVANCE_TOO_FAR` (422), `SANDBOX.CLOCK_BACKWARDS` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["advanceSandboxClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/service-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the service types clients can order
         * @description Public, so a partner app can show the catalog before sign-in. Inactive types are listed only for managers and admins who ask with `includeInactive=true`.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503).
         */
        get: operations["listServiceTypes"];
        put?: never;
        /**
         * Create a service type
         * @description **Error codes** (`code` of a problem answer): `CATALOG.NAME_TAKEN` (409); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["createServiceType"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/service-types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a service type
         * @description Changes apply to orders created afterwards; existing orders keep what they were created with.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `CATALOG.NAME_TAKEN` (409); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        patch: operations["updateServiceType"];
        trace?: never;
    };
    "/v1/settlement-shares/{id}/paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a winner's share paid (managers)
         * @description Records that the winner was paid outside the platform: the share becomes
         *     `paid` (the ledger moves it out of the winner's due winnings), audited.
         *     A retry with the same `Idempotency-Key` replays the first answer; a
         *     second mark of a paid share is a 409 `BIDS.SHARE_ALREADY_PAID` and
         *     changes nothing.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `BIDS.SHARE_ALREADY_PAID` (409); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["markSettlementSharePaid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Worker statements, newest first
         * @description Issued on the last day of each month at 23:00 (business time zone): 60 %
         *     of each completed order's price, −40 per failed order, rewards, and the
         *     debt carried from a negative month; each line names its order or
         *     reward. A worker sees its own; managers and admins all.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["listStatements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/top-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Top up the balance
         * @description Charges `paymentMethod` through the configured payment provider and
         *     credits the balance. With the `sandbox-card` provider (development),
         *     `paymentMethod` is a test card number: `4242 4242 4242 4242`
         *     succeeds, `4000 0000 0000 0002` is declined, `4000 0000 0000 9995` is
         *     declined for insufficient funds. A decline answers 402
         *     `BILLING.PAYMENT_DECLINED` and credits nothing. Send an
         *     `Idempotency-Key`: a retry is then one charge.
         *
         *     **Error codes** (`code` of a problem answer): `BILLING.PAYMENT_DECLINED` (402), `BILLING.AMOUNT_OUT_OF_RANGE` (422), `SERVICE.UNAVAILABLE` (503); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["createTopUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/vacancies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open vacancies
         * @description What applicants can apply to; tests attached to a vacancy are assigned on application.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503).
         */
        get: operations["listVacancies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The platform's webhook endpoints (managers)
         * @description Every endpoint (the platform's, whoever registered it), newest first. Secrets are never listed.
         *
         *     **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Register a webhook endpoint (managers)
         * @description Registers a URL to receive signed deliveries of the platform's events
         *     whose type is in `eventTypes` (`["*"]` for all), from the next event
         *     on. The answer carries the signing secret, shown this once. A URL that
         *     is not `http:`/`https:`, carries credentials or does not parse is a 400;
         *     one whose host resolves to a private, loopback, link-local or metadata
         *     address is a 422 `WEBHOOKS.URL_NOT_ALLOWED` (loopback and private
         *     networks are allowed when `WEBHOOKS_ALLOW_PRIVATE=1`, the default
         *     outside production), one that does not resolve a 422
         *     `WEBHOOKS.URL_UNRESOLVABLE`. Audited.
         *
         *     **Error codes** (`code` of a problem answer): `EVENTS.UNKNOWN_TYPE` (400), `WEBHOOKS.URL_NOT_ALLOWED` (422), `WEBHOOKS.URL_UNRESOLVABLE` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint (managers)
         * @description Stops every delivery to it, pending retries included. Its delivery log
         *     stays for the panel. A second delete, or an unknown id, is a 404. Audited.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace an endpoint's signing secret (managers)
         * @description Issues a new signing secret, shown this once. For 24 hours both sign:
         *     each delivery's `Chorecat-Signature` carries a `v1=` by the new secret
         *     and one by the previous, so a receiver can switch without losing a
         *     delivery. Rotating again within those hours drops the older one. Audited.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        post: operations["rotateWebhookEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The worker pool
         * @description **Error codes** (`code` of a problem answer): none of its own; and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["listWorkers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A worker
         * @description Staff, or the worker itself; 404 for anyone else.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403).
         */
        get: operations["getWorker"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workers/{id}/rewards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reward a worker (managers)
         * @description Credits the worker any amount with a reason; paid with the next statement; audited.
         *
         *     **Error codes** (`code` of a problem answer): `NOT_FOUND` (404), `BILLING.AMOUNT_OUT_OF_RANGE` (422); and, as for every operation of its kind (see *Error codes* in the introduction): `VALIDATION.FAILED` (400), `REQUEST.MALFORMED_JSON` (400), `REQUEST.MALFORMED` (400), `AUTH.UNAUTHENTICATED` (401), `REQUEST.TOO_LARGE` (413), `REQUEST.UNSUPPORTED_MEDIA_TYPE` (415), `RATE_LIMITED` (429), `INTERNAL` (500), `SERVICE.DATABASE_UNAVAILABLE` (503), `AUTH.FORBIDDEN` (403), `IDEMPOTENCY.IN_FLIGHT` (409), `IDEMPOTENCY.ANSWER_LOST` (409), `IDEMPOTENCY.KEY_REUSED` (422).
         */
        post: operations["createReward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "application.hired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An applicant was hired
         * @description A manager hired the applicant (status `hired`, `workerId` and `workerCode` set). Audience: the applicant.
         */
        post: operations["applicationHiredEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "application.received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An application was received
         * @description Someone applied to a vacancy (status `received`, or `testing` when the vacancy assigns tests). Audience: the applicant.
         */
        post: operations["applicationReceivedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "application.rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An application was rejected
         * @description A manager rejected the application (status `rejected`, `decisionReason` says why). Audience: the applicant.
         */
        post: operations["applicationRejectedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "application.test_assigned": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A test was assigned
         * @description A manager assigned a test to the application (status `testing`). Audience: the applicant.
         */
        post: operations["applicationTestAssignedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "invoice.issued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An invoice was issued
         * @description The Sunday run issued the client's invoice for the week (followed at once by `invoice.paid` or `invoice.unpaid`). Audience: the client.
         */
        post: operations["invoiceIssuedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "invoice.paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An invoice was paid
         * @description The client's balance paid the invoice: at issue, or later after a top-up (status `paid`). Audience: the client.
         */
        post: operations["invoicePaidEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "invoice.unpaid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An invoice awaits payment
         * @description The invoice was issued and the balance did not cover it (status `unpaid`); a top-up pays it. Audience: the client.
         */
        post: operations["invoiceUnpaidEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "kit.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A kit was cancelled
         * @description The kit's order will not happen (cancelled, no worker, no check-in): the kit is cancelled whatever its state. Audience: staff only.
         */
        post: operations["kitCancelledEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "kit.opened": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A kit was opened
         * @description Supplies opened the consumables kit of a new order (status `open`); its cookie is ordered from the supplier. Audience: staff only.
         */
        post: operations["kitOpenedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "kit.ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A kit is ready
         * @description Supplies staff marked the kit ready (every item packed, the cookie arrived); its order starts matching. Audience: staff only.
         */
        post: operations["kitReadyEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An order was cancelled
         * @description The client or a manager cancelled the order before the worker checked in (status `cancelled`). Audience: its client and worker.
         */
        post: operations["orderCancelledEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An order was completed
         * @description The client accepted the report, or it was accepted by itself after the waiting time (status `completed`). Audience: its client and worker.
         */
        post: operations["orderCompletedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An order was booked
         * @description A client booked an order (status `created`). Audience: the client.
         */
        post: operations["orderCreatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.edited": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An order was edited
         * @description A manager changed the order's date, address, description or service type before it started. Audience: its client and worker.
         */
        post: operations["orderEditedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An order failed
         * @description No worker was found, the worker did not check in, or the client rejected the report (status `failed`, `failureReason` says which). Audience: its client and worker.
         */
        post: operations["orderFailedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.reported": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An order's work was reported
         * @description The worker reported the work done (status `reported`); the client accepts or rejects it. Audience: its client and worker.
         */
        post: operations["orderReportedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.scheduled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An order got its worker
         * @description A worker was matched (status `scheduled`, `price` fixed). Audience: its client and worker.
         */
        post: operations["orderScheduledEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.started": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An order's worker checked in
         * @description The worker checked in (status `in_progress`). Audience: its client and worker.
         */
        post: operations["orderStartedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.tipped": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A client tipped an order
         * @description The client tipped the worker of an accepted order (at acceptance or within 7 days after); one event per tip. Audience: its client and worker.
         */
        post: operations["orderTippedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payout.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A worker's payout was created
         * @description The month-end run issued a payable statement and its payout (status `pending`), to be sent to Golden Hat. Audience: the worker.
         */
        post: operations["payoutCreatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payout.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A try of a worker's payout failed
         * @description Golden Hat could not be reached, refused, or failed the payout. One event per failed try: the payout is `pending` again, with `failures` counted, `lastFailureReason` and `nextAttemptAt`. Audience: the worker.
         */
        post: operations["payoutFailedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payout.paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A worker's payout was paid
         * @description Golden Hat paid the payout (status `paid`); its statement's `statement.paid` follows. Audience: the worker.
         */
        post: operations["payoutPaidEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "review.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A review was done
         * @description A manager recorded the review's result: answers, verdict, whether the worker's fine was reversed, any refund. Audience: staff only.
         */
        post: operations["reviewCompletedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "review.opened": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An order entered the review queue
         * @description A review was opened: by itself for a failed, cancelled or rejected order, by sampling a completed one, or by a manager (`manual`). Audience: staff only.
         */
        post: operations["reviewOpenedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "settlement.computed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An ended order's pot was settled
         * @description The order ended and its bids were settled, exactly once: the pot, the winners' shares, the developers' share. Audience: staff only.
         */
        post: operations["settlementComputedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "settlement.share_paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A winner's share was paid
         * @description A manager marked a winner's share paid; the payload is the whole settlement after it. Audience: staff only.
         */
        post: operations["settlementSharePaidEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "statement.issued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A worker's statement was issued
         * @description The month-end run issued the worker's statement: earnings, fines, rewards, debt carried, net. Audience: the worker.
         */
        post: operations["statementIssuedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "statement.paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A worker's statement was paid out
         * @description Golden Hat paid the statement's payout (status `paid`). Audience: the worker.
         */
        post: operations["statementPaidEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.endpoint.disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A webhook endpoint was disabled
         * @description A delivery to the endpoint failed for 3 days, so nothing more is sent
         *     to it until a manager enables it again; the manager who registered it
         *     is emailed. Delivered to the other endpoints that take this type.
         *     Audience: staff only.
         */
        post: operations["webhookEndpointDisabledEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        Accepted: {
            detail?: string;
            /** @constant */
            status: "accepted";
        };
        AcceptRequest: {
            rating?: number;
            /** @description A tip for the worker, paid in full with its statement and invoiced on its own line (never discounted). More than 0.00 and at most the order's price. */
            tip?: components["schemas"]["Money"];
        };
        AnswersRequest: {
            /** @description The chosen choice's index for each question, in order. */
            answers: number[];
        };
        Application: {
            age: number;
            /** Format: uuid */
            applicantId: string;
            breed: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            decidedAt: string | null;
            decisionReason: string | null;
            email: string;
            /** Format: uuid */
            id: string;
            name: string;
            preferredServiceTypeIds: string[];
            skills: string[];
            status: components["schemas"]["ApplicationStatus"];
            tests: components["schemas"]["TestAssignment"][];
            /** Format: date-time */
            updatedAt: string;
            /** Format: uuid */
            vacancyId: string;
            /** @description Set once hired: `<SKILLS>-<BREED>-<YEAR>-<SEQ>`, e.g. `CLW-SIA-2026-0007`. */
            workerCode: string | null;
            /** Format: uuid */
            workerId: string | null;
        };
        ApplicationChallenge: {
            /** @example SHA-256 */
            algorithm: string;
            challenge: string;
            maxnumber?: number;
            salt: string;
            signature: string;
        };
        ApplicationCreate: {
            age: number;
            breed: string;
            /** @description The solved proof-of-work (base64 JSON), from `GET /v1/application-challenge`. */
            challenge: string;
            /** Format: email */
            email: string;
            name: string;
            preferredServiceTypeIds?: string[];
            skills: string[];
            /** Format: uuid */
            vacancyId: string;
        };
        ApplicationList: {
            data: components["schemas"]["Application"][];
            nextCursor: string | null;
        };
        ApplicationReceipt: {
            /** @description True when an open application for this email already existed (nothing was created). */
            duplicate: boolean;
            /** Format: uuid */
            id: string;
            status: components["schemas"]["ApplicationStatus"];
        };
        /** @enum {string} */
        ApplicationStatus: "received" | "testing" | "hired" | "rejected";
        AssignTestRequest: {
            /** Format: uuid */
            testId: string;
        };
        Balance: {
            balance: components["schemas"]["Money"];
            recentTopUps: {
                amount: components["schemas"]["Money"];
                /** Format: date-time */
                createdAt: string;
                failureReason: string | null;
                /** Format: uuid */
                id: string;
                provider: string;
                /** @enum {string} */
                status: "succeeded" | "declined";
            }[];
        };
        Bid: {
            amount: components["schemas"]["Money"];
            condition: components["schemas"]["BidCondition"];
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The manager (or admin) who staked it.
             */
            managerId: string;
            /** Format: uuid */
            orderId: string;
            status: components["schemas"]["BidStatus"];
        };
        /**
         * @description The outcome a bid stakes on. A cancelled order matches neither.
         * @enum {string}
         */
        BidCondition: "completed" | "failed";
        BidCreate: {
            /**
             * @description The stake in cat-units with exactly two decimals, more than `0.00` and at most `1000000.00`.
             * @example 25.00
             */
            amount: components["schemas"]["Money"];
            condition: components["schemas"]["BidCondition"];
        };
        BidList: {
            data: components["schemas"]["Bid"][];
            nextCursor: string | null;
        };
        /**
         * @description `open` until the order is settled; then `won` if its condition matched the outcome, else `lost` (every bid on a cancelled order is `lost`).
         * @enum {string}
         */
        BidStatus: "open" | "won" | "lost";
        CancelRequest: {
            reason?: string;
        };
        CheckInRequest: {
            /** Format: uuid */
            photoId: string;
        };
        CodeRequest: {
            /** @description The 6-digit code from the email. */
            code: string;
            /** Format: email */
            email: string;
        };
        /**
         * @description `pending`: not yet accepted by the supplier (see `attempts`, `lastError`, `nextAttemptAt`); `ordered`; `delivered`; `cancelling` / `cancelled` with the order.
         * @enum {string}
         */
        CookieStatus: "pending" | "ordered" | "delivered" | "cancelling" | "cancelled";
        CopyRequest: {
            /** Format: date-time */
            startsAt: string;
        };
        Earnings: {
            /** @description Fines reversed by quality reviews in the period. */
            adjustments: components["schemas"]["Money"];
            completedOrders: number;
            earned: components["schemas"]["Money"];
            failedOrders: number;
            fines: components["schemas"]["Money"];
            /** Format: date-time */
            from: string;
            /** @description earned − fines + rewards + adjustments + tips. */
            net: components["schemas"]["Money"];
            rewards: components["schemas"]["Money"];
            /** @description Clients' tips on the worker's orders given in the period, in full (no platform share). */
            tips: components["schemas"]["Money"];
            /** Format: date-time */
            to: string;
            /** Format: uuid */
            workerId: string;
        };
        Email: {
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            html: string;
            /** Format: uuid */
            id: string;
            lastError: string | null;
            /** Format: date-time */
            sentAt: string | null;
            status: components["schemas"]["EmailStatus"];
            subject: string;
            template: string;
            text: string;
            to: string;
        };
        EmailList: {
            data: components["schemas"]["Email"][];
            nextCursor: string | null;
        };
        EmailRequest: {
            /** Format: email */
            email: string;
        };
        /**
         * @description `pending` waits for (re)delivery, `sent` was accepted by the transport, `failed` gave up after every retry.
         * @enum {string}
         */
        EmailStatus: "pending" | "sent" | "failed";
        /**
         * @description A public event: what happened (`type`), when, and the resource as it was
         *     just after (`data`, shaped as the API returns it, per `apiVersion`). The
         *     same envelope is read at GET /v1/events and delivered by webhooks.
         */
        Event: {
            /**
             * @description The version of the payload's shape (the date it took it); a change that is not purely additive gets a new one.
             * @example 2026-12-01
             */
            apiVersion: string;
            /** Format: date-time */
            createdAt: string;
            /** @description The resource (an Order for `order.*`, a Kit for `kit.*` …), as the webhooks section documents per type. */
            data: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description The event's id; also the feed's cursor.
             */
            id: string;
            type: components["schemas"]["EventType"];
        };
        EventList: {
            data: components["schemas"]["Event"][];
            /**
             * @description Where to read on from (pass it as `after`): the last event's id, or on an
             *     empty page the `after` asked with (null when there was none).
             */
            nextCursor: string | null;
        };
        /**
         * @description The type of a public event; each is documented in the contract's `webhooks`.
         * @example order.completed
         */
        EventType: string;
        FieldError: {
            code?: string;
            message: string;
            /** @description Where the problem is, e.g. `/body/advanceTo`. */
            path: string;
        };
        FileInfo: {
            /** @enum {string} */
            contentType: "image/jpeg" | "image/png" | "image/webp";
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            sha256: string;
            /** @description Bytes. */
            size: number;
        };
        /** @description A point on the globe in decimal degrees (WGS 84). */
        GeoPoint: {
            /** @example 52.52 */
            lat: number;
            /** @example 13.405 */
            lng: number;
        };
        GoldenHatEvent: {
            /** Format: date-time */
            createdAt?: string;
            data: {
                failureReason?: string | null;
                payoutId?: string;
                reference?: string;
            };
            id: string;
            /** @example payout.paid */
            type: string;
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        /** @description `total` is `subtotal` (the orders) − `discount` + `tips`: the discount never applies to tips. */
        Invoice: {
            /** Format: uuid */
            clientId: string;
            discount: components["schemas"]["Money"];
            /** @description Percent, e.g. `5`. */
            discountRate: number;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            issuedAt: string;
            lines: components["schemas"]["InvoiceLine"][];
            /** Format: date-time */
            paidAt: string | null;
            paidBefore: components["schemas"]["Money"];
            /** Format: date-time */
            periodEnd: string;
            /** Format: date-time */
            periodStart: string;
            /** @enum {string} */
            status: "unpaid" | "paid";
            subtotal: components["schemas"]["Money"];
            /** @description The tips on the invoice (its `tip` lines), added after the discount and paid to the workers in full. */
            tips: components["schemas"]["Money"];
            total: components["schemas"]["Money"];
        };
        /** @description An order (`kind: order`, its price) or a tip on an order (`kind: tip`, its amount, never discounted), each its own line. */
        InvoiceLine: {
            /**
             * Format: date-time
             * @description When the order was completed, or the tip given.
             */
            completedAt: string;
            /** @enum {string} */
            kind: "order" | "tip";
            /** Format: uuid */
            orderId: string;
            /** @description The order's price, or the tip's amount. */
            price: components["schemas"]["Money"];
            /**
             * Format: uuid
             * @description The tip of a `tip` line; null on an order line.
             */
            tipId: string | null;
        };
        InvoiceList: {
            data: components["schemas"]["Invoice"][];
            nextCursor: string | null;
        };
        JobRun: {
            /**
             * Format: date-time
             * @description The platform time the job ran as.
             */
            at: string;
            error?: string;
            job: string;
            /** @enum {string} */
            outcome: "succeeded" | "failed";
        };
        Kit: {
            allowedActions: components["schemas"]["KitAction"][];
            cookie: {
                /** @description Failed supplier calls in a row for the current step. */
                attempts: number;
                /** Format: date-time */
                deliveredAt: string | null;
                lastError: string | null;
                /** Format: date-time */
                nextAttemptAt: string | null;
                status: components["schemas"]["CookieStatus"];
                supplierOrderId: string | null;
            };
            /** Format: date-time */
            createdAt: string;
            deliveryAddress: string;
            /** Format: uuid */
            id: string;
            items: components["schemas"]["KitLine"][];
            /** Format: uuid */
            orderId: string;
            /** Format: date-time */
            orderStartsAt: string;
            /** Format: date-time */
            readyAt: string | null;
            /** Format: uuid */
            readyBy: string | null;
            recipientName: string;
            status: components["schemas"]["KitStatus"];
            /** Format: date-time */
            updatedAt: string;
        };
        /** @enum {string} */
        KitAction: "pack" | "ready";
        KitItem: {
            name: string;
            quantity: number;
        };
        KitLine: {
            name: string;
            packed: boolean;
            quantity: number;
        };
        KitList: {
            data: components["schemas"]["Kit"][];
            nextCursor: string | null;
        };
        KitPackRequest: {
            items?: string[];
        };
        /**
         * @description `open` (nothing packed), `assembling`, `ready` (its order is matching or later), `cancelled` (with its order).
         * @enum {string}
         */
        KitStatus: "open" | "assembling" | "ready" | "cancelled";
        LoginRequest: {
            /** Format: email */
            email: string;
            password: string;
        };
        Me: {
            address: string | null;
            avatarUrl: string | null;
            /** Format: date-time */
            createdAt: string;
            email: string;
            emailVerified: boolean;
            /** @description Where a worker starts from (nearest-available matching); null when not set. */
            homeBase: components["schemas"]["GeoPoint"] | null;
            /** Format: uuid */
            id: string;
            name: string;
            phone: string | null;
            roles: components["schemas"]["Role"][];
        };
        MeUpdate: {
            address?: string | null;
            /**
             * Format: uri
             * @description An http or https URL of the avatar image.
             */
            avatarUrl?: string | null;
            /**
             * @description A worker's home base, for nearest-available matching (`MATCHING_RANKING=nearest`):
             *     orders are offered or given to the nearest free worker first. Kept to a millionth
             *     of a degree; `null` clears it.
             */
            homeBase?: components["schemas"]["GeoPoint"] | null;
            name?: string;
            phone?: string | null;
        };
        /**
         * @description Cat-units with exactly two decimals, e.g. `"100.00"`.
         * @example 100.00
         */
        Money: `${bigint}.${"0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9"}${"0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9"}`;
        /** @description One order offered to one worker, with a deadline to answer by. */
        Offer: {
            /**
             * Format: date-time
             * @description When the offer stopped being pending (answered, expired or withdrawn).
             */
            answeredAt: string | null;
            /**
             * Format: date-time
             * @description The deadline; an answer is taken until the instant before it.
             */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            offeredAt: string;
            /** @description What is offered. */
            order: {
                address: string;
                /** Format: date-time */
                endsAt: string;
                /** @description The service type's name. */
                service: string;
                /** Format: uuid */
                serviceTypeId: string;
                /** Format: date-time */
                startsAt: string;
            };
            /** Format: uuid */
            orderId: string;
            /** @description The price the order is fixed at when the offer is accepted. */
            price: components["schemas"]["Money"];
            status: components["schemas"]["OfferStatus"];
        };
        OfferList: {
            data: components["schemas"]["Offer"][];
            nextCursor: string | null;
        };
        /**
         * @description `pending` until answered; `accepted` or `declined` by the worker; `expired` when the
         *     deadline passed unanswered; `withdrawn` when the order no longer needed a worker, or the
         *     worker took another order for that time.
         * @enum {string}
         */
        OfferStatus: "pending" | "accepted" | "declined" | "expired" | "withdrawn";
        Order: {
            address: string;
            allowedActions: components["schemas"]["OrderAction"][];
            /** Format: uuid */
            clientId: string;
            /** Format: uuid */
            copyOf: string | null;
            /** Format: date-time */
            createdAt: string;
            description: string;
            /** Format: date-time */
            endsAt: string;
            /** @enum {string|null} */
            failureReason: "no_check_in" | "no_worker" | "rejected" | null;
            /** Format: uuid */
            id: string;
            photos?: components["schemas"]["OrderPhotos"];
            /** @description Fixed when a worker is matched; null before. */
            price: components["schemas"]["Money"] | null;
            rating: number | null;
            /** Format: uuid */
            serviceTypeId: string;
            /** Format: date-time */
            startsAt: string;
            status: components["schemas"]["OrderStatus"];
            /** @description The sum of the client's tips on the order (`"0.00"` without any); at most the price. */
            tips: components["schemas"]["Money"];
            /** Format: date-time */
            updatedAt: string;
            /** Format: uuid */
            workerId: string | null;
        };
        /**
         * @description Something the caller could do to the order now, each through its own `POST /v1/orders/{id}/…` route (`copy` on a failed order). A kit is made ready on the kit (`POST /v1/kits/{id}/ready`).
         * @enum {string}
         */
        OrderAction: "check_in" | "report" | "accept" | "reject" | "cancel" | "copy";
        OrderCreate: {
            address: string;
            description?: string;
            /** Format: uuid */
            serviceTypeId: string;
            /** Format: date-time */
            startsAt: string;
        };
        OrderList: {
            data: components["schemas"]["Order"][];
            nextCursor: string | null;
        };
        /** @description The photos of the check-in and the report (file ids; download with GET /v1/files/{id}). */
        OrderPhotos: {
            after: string[];
            before: string[];
            /** Format: uuid */
            checkIn: string | null;
            /** Format: uuid */
            signedReport: string | null;
        };
        /** @enum {string} */
        OrderStatus: "created" | "matching" | "scheduled" | "in_progress" | "reported" | "completed" | "failed" | "cancelled";
        OrderUpdate: {
            address?: string;
            description?: string;
            /** Format: uuid */
            serviceTypeId?: string;
            /** Format: date-time */
            startsAt?: string;
        };
        /** @description At least 10 characters. */
        Password: string;
        /** @description A payable statement's payout to its worker through Golden Hat; one per statement. */
        Payout: {
            amount: components["schemas"]["Money"];
            /** Format: date-time */
            createdAt: string;
            /** @description How many tries have failed so far (Golden Hat unreachable, refusing, or failing the payout). */
            failures: number;
            /** Format: uuid */
            id: string;
            /**
             * @description Why the last failed try failed (null before any failure, and once paid):
             *     `Golden Hat could not be reached`, `Golden Hat refused the payout`, or
             *     `Golden Hat failed the payout: <its reason>`. Golden Hat's raw answers stay with managers.
             */
            lastFailureReason: string | null;
            /**
             * Format: date-time
             * @description When a `pending` payout is sent next; null otherwise.
             */
            nextAttemptAt: string | null;
            /** Format: date-time */
            paidAt: string | null;
            /** Format: uuid */
            statementId: string;
            status: components["schemas"]["PayoutStatus"];
            /** Format: uuid */
            workerId: string;
        };
        PayoutList: {
            data: components["schemas"]["Payout"][];
            nextCursor: string | null;
        };
        /**
         * @description `pending`: to be sent to Golden Hat (first, or again after a failed try, at `nextAttemptAt`);
         *     `processing`: Golden Hat has it; `paid`. A failed try is not a status: the payout goes back to
         *     `pending`, with `failures` counted and `lastFailureReason` said.
         * @enum {string}
         */
        PayoutStatus: "pending" | "processing" | "paid";
        PersonalDataExport: {
            /** Format: date-time */
            exportedAt: string;
            /** @description One entry per part of the platform (profile, sessions, emails, orders, invoices …). */
            sections: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            userId: string;
        };
        /** @description An RFC 9457 problem detail. */
        Problem: {
            /**
             * @description A stable, namespaced code such as `ORDERS.ILLEGAL_TRANSITION`; one of the operation's documented codes (its `x-error-codes` and the common ones that apply, see *Error codes*).
             * @example VALIDATION.FAILED
             */
            code: string;
            detail?: string;
            /** @description One entry per invalid field (validation problems only). */
            errors?: components["schemas"]["FieldError"][];
            requestId?: string;
            status: number;
            title: string;
            /** @description A URI naming the problem type. */
            type: string;
        };
        Readiness: {
            checks: {
                /** @constant */
                database: "ok";
            };
            /** @constant */
            status: "ready";
        };
        RefreshRequest: {
            refreshToken: string;
        };
        RegisterRequest: {
            /** Format: email */
            email: string;
            name: string;
            password: components["schemas"]["Password"];
        };
        RejectApplicationRequest: {
            reason: string;
        };
        RejectRequest: {
            rating?: number;
            reason: string;
        };
        ReportRequest: {
            afterPhotoIds: string[];
            beforePhotoIds: string[];
            /** Format: uuid */
            signedReportPhotoId: string;
        };
        ResetPasswordRequest: {
            code: string;
            /** Format: email */
            email: string;
            newPassword: components["schemas"]["Password"];
        };
        Review: {
            answers: components["schemas"]["ReviewAnswers"] | null;
            clientFeedback: string | null;
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The result reversed the worker's fine (posted in the ledger, a line on the next statement). */
            fineReversed: boolean;
            /** @description The form version the result was recorded with; for an open review, the one it would be filled in with now (null when there is no form). */
            form: components["schemas"]["ReviewForm"] | null;
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The manager who opened a `manual` review.
             */
            openedBy?: string | null;
            /** Format: uuid */
            orderId: string;
            reason: components["schemas"]["ReviewReason"];
            /** @description What the result refunded the client, or null. */
            refund: components["schemas"]["Money"] | null;
            /** Format: uuid */
            reviewerId: string | null;
            status: components["schemas"]["ReviewStatus"];
            verdict: components["schemas"]["Verdict"] | null;
        };
        /** @description Keyed by the form's field keys; text and choice answers are strings, a rating a whole number 1–5, yes/no a boolean. */
        ReviewAnswers: {
            [key: string]: string | number | boolean;
        };
        /** @description A review with everything needed to do it, each part from the module that owns it. */
        ReviewDetail: components["schemas"]["Review"] & {
            emails: components["schemas"]["ReviewEmail"][];
            invoiceLine: components["schemas"]["ReviewInvoiceLine"] | null;
            kit: components["schemas"]["Kit"] | null;
            matchingAttempts: components["schemas"]["ReviewMatchingAttempt"][];
            order: components["schemas"]["Order"];
            photos: components["schemas"]["ReviewPhoto"][];
            timeline: components["schemas"]["TimelineEntry"][];
            worker: components["schemas"]["ReviewWorker"] | null;
        };
        ReviewEmail: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            sentAt: string | null;
            /** @enum {string} */
            status: "pending" | "sent" | "failed";
            subject: string;
            template: string;
            to: string;
        };
        ReviewForm: {
            /** Format: date-time */
            createdAt?: string;
            fields: components["schemas"]["ReviewFormField"][];
            /** Format: uuid */
            id: string;
            name: string;
            /** @description Editing a form makes a new version; reviews keep the version they were filled in with. */
            version: number;
        };
        ReviewFormField: {
            /** @description What answers are keyed by. */
            key: string;
            label: string;
            /** @description The choices of a `choice` field (2 to 20, distinct); absent for the other types. */
            options?: string[];
            required: boolean;
            type: components["schemas"]["ReviewFormFieldType"];
        };
        /** @enum {string} */
        ReviewFormFieldType: "text" | "choice" | "rating" | "yesno";
        ReviewFormInput: {
            fields: components["schemas"]["ReviewFormField"][];
            name: string;
        };
        ReviewFormList: {
            data: components["schemas"]["ReviewForm"][];
            nextCursor: string | null;
        };
        ReviewInvoiceLine: {
            amount: components["schemas"]["Money"];
            /** Format: uuid */
            clientId: string;
            /** Format: date-time */
            completedAt: string;
            /**
             * Format: uuid
             * @description Null until that week's invoice is issued.
             */
            invoiceId: string | null;
            /** @enum {string|null} */
            invoiceStatus: "paid" | "unpaid" | null;
            /** Format: uuid */
            orderId: string;
            /**
             * Format: date-time
             * @description The Sunday 23:00 closing the week the order is billed in.
             */
            periodEnd: string;
            refunded: components["schemas"]["Money"] | null;
        };
        ReviewList: {
            data: components["schemas"]["Review"][];
            nextCursor: string | null;
        };
        /** @description One try to match the order; with sequential offers, one round and the offers it made (`outcome` `offering` while it is still asking). */
        ReviewMatchingAttempt: {
            /** Format: date-time */
            at: string;
            candidates: string[];
            /** Format: uuid */
            chosen: string | null;
            /** @description The workers this round asked, in order (empty for a direct match). */
            offers: {
                /** Format: date-time */
                answeredAt: string | null;
                /** Format: date-time */
                expiresAt: string;
                /** Format: date-time */
                offeredAt: string;
                status: components["schemas"]["OfferStatus"];
                /** Format: uuid */
                workerId: string;
            }[];
            /** @enum {string} */
            outcome: "assigned" | "no_worker_free" | "order_moved_on" | "offering" | "order_edited";
            price: components["schemas"]["Money"] | null;
            refused: string[];
            strategy: string;
        };
        ReviewOpen: {
            /** Format: uuid */
            orderId: string;
        };
        ReviewPhoto: {
            contentType?: string | null;
            /** Format: uuid */
            fileId: string;
            /** @enum {string} */
            purpose: "check_in" | "before" | "after" | "signed_report";
            /** @description The photo's SHA-256 (null if the file is gone). */
            sha256: string | null;
        };
        /**
         * @description Why the order is in the queue: `failed` (no check-in, or no worker), `rejected` (the client
         *     rejected the work), `cancelled`, `sampled` (a random share of completed orders), `manual`
         *     (a manager opened it).
         * @enum {string}
         */
        ReviewReason: "failed" | "cancelled" | "rejected" | "sampled" | "manual";
        ReviewResult: {
            answers: components["schemas"]["ReviewAnswers"];
            /** @description What the client said on the call. */
            clientFeedback?: string;
            /**
             * Format: uuid
             * @description The form to answer (its current version); default the oldest form (in development, "Standard review").
             */
            formId?: string;
            /**
             * @description With `overturned`: refund the client the order's invoiced price, credited to its balance.
             *     Only billed (accepted) orders have an invoice line; otherwise 409 `BILLING.NOT_INVOICED`.
             */
            refundClient?: boolean;
            verdict: components["schemas"]["Verdict"];
        };
        /** @enum {string} */
        ReviewStatus: "open" | "done";
        ReviewWorker: {
            completedOrders: number;
            failedOrders: number;
            /** Format: date-time */
            hiredAt?: string | null;
            /** Format: uuid */
            id: string;
            name: string | null;
            recentOutcomes: {
                /** Format: date-time */
                at: string;
                fineReversed: boolean;
                /** Format: uuid */
                orderId: string;
                /** @enum {string} */
                outcome: "completed" | "failed";
            }[];
            workerCode: string | null;
        };
        Reward: {
            amount: components["schemas"]["Money"];
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            reason: string;
            /** Format: uuid */
            workerId: string;
        };
        RewardCreate: {
            amount: components["schemas"]["Money"];
            reason: string;
        };
        /** @enum {string} */
        Role: "client" | "applicant" | "worker" | "manager" | "supplies" | "admin";
        SandboxClock: {
            /** Format: date-time */
            now: string;
        };
        /** @description Exactly one of `advanceTo` and `advanceBy`. */
        SandboxClockAdvance: {
            /**
             * @description An ISO 8601 duration, e.g. `P1D`, `PT90M`, `P1W`.
             * @example P1D
             * @example PT90M
             * @example P1W
             */
            advanceBy?: string;
            /** Format: date-time */
            advanceTo?: string;
        } & (unknown | unknown);
        SandboxClockAdvanced: {
            jobsRun: components["schemas"]["JobRun"][];
            /** Format: date-time */
            now: string;
        };
        ServiceType: {
            /** @description Only active types can be ordered. */
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            description: string;
            /** @description How long the chore takes; an order occupies its worker from its start for this long. */
            durationMinutes: number;
            /** Format: uuid */
            id: string;
            /** @description The consumables kit template assembled for each order. */
            kitItems: components["schemas"]["KitItem"][];
            name: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ServiceTypeCreate: {
            /** @default true */
            active: boolean;
            description: string;
            durationMinutes: number;
            kitItems?: components["schemas"]["KitItem"][];
            name: string;
        };
        ServiceTypeList: {
            data: components["schemas"]["ServiceType"][];
            nextCursor: string | null;
        };
        ServiceTypeUpdate: {
            active?: boolean;
            description?: string;
            durationMinutes?: number;
            kitItems?: components["schemas"]["KitItem"][];
            name?: string;
        };
        /**
         * @description Who gets how much of an ended order's pot. The pot (every stake) is split
         *     among the winning bids in proportion to their stakes, in whole hundredths:
         *     each winner first gets the rounded-down part, then the hundredths still
         *     left over (`remainder`) go one each to the winners with the largest
         *     dropped fractions (largest remainder; a tie goes to the earlier bid, then
         *     the smaller bid id). If nobody wins (or the order was cancelled) the whole
         *     pot is `developersShare`. The shares' amounts plus `developersShare`
         *     always equal `pot` exactly.
         */
        Settlement: {
            developersShare: components["schemas"]["Money"];
            /** Format: uuid */
            id?: string;
            /** Format: uuid */
            orderId: string;
            outcome: components["schemas"]["SettlementOutcome"];
            pot: components["schemas"]["Money"];
            /** @description The hundredths handed out by the largest-remainder step (less than one hundredth per winner); already inside the shares. */
            remainder: components["schemas"]["Money"];
            /** Format: date-time */
            settledAt: string;
            shares: components["schemas"]["SettlementShare"][];
            winnersPot: components["schemas"]["Money"];
        };
        /** @enum {string} */
        SettlementOutcome: "completed" | "failed" | "cancelled";
        /** @description What one winning bid is owed. Managers pay it outside the platform and mark it paid. */
        SettlementShare: {
            amount: components["schemas"]["Money"];
            /** Format: uuid */
            bidId: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The winner, who is owed `amount`.
             */
            managerId: string;
            /** Format: date-time */
            paidAt: string | null;
            /**
             * Format: uuid
             * @description Who marked it paid.
             */
            paidBy?: string | null;
            stake: components["schemas"]["Money"];
            status: components["schemas"]["SettlementShareStatus"];
        };
        /** @enum {string} */
        SettlementShareStatus: "due" | "paid";
        /** @description `net` is `earned` − `fines` + `rewards` + `adjustments` + `tips` − `debtCarried`. */
        Statement: {
            /** @description Corrections from quality reviews (reversed fines), added to the net. */
            adjustments: components["schemas"]["Money"];
            debtCarried: components["schemas"]["Money"];
            earned: components["schemas"]["Money"];
            fines: components["schemas"]["Money"];
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            issuedAt: string;
            lines: components["schemas"]["StatementLine"][];
            net: components["schemas"]["Money"];
            /** Format: date-time */
            paidAt: string | null;
            /** Format: date-time */
            periodEnd: string;
            /** Format: date-time */
            periodStart: string;
            rewards: components["schemas"]["Money"];
            /**
             * @description `debt`: a negative month, carried into the next statement; `payable`: awaiting its payout; `paid`.
             * @enum {string}
             */
            status: "debt" | "payable" | "paid";
            /** @description Clients' tips on the worker's orders (its `tip` lines), in full. */
            tips: components["schemas"]["Money"];
            /** Format: uuid */
            workerId: string;
        };
        StatementLine: {
            amount: components["schemas"]["Money"];
            /** Format: date-time */
            at: string;
            /**
             * Format: uuid
             * @description The review correction of an `adjustment` line.
             */
            correctionId?: string | null;
            /** @description Why an `adjustment` line is there, e.g. "Fine reversed: review … overturned the failure of order …". */
            description?: string | null;
            /**
             * @description `adjustment`: a correction a quality review made (a reversed fine), described by `description`. `tip`: a client's tip on the order, paid in full.
             * @enum {string}
             */
            kind: "earning" | "fine" | "reward" | "adjustment" | "tip";
            /** Format: uuid */
            orderId: string | null;
            /** Format: uuid */
            rewardId: string | null;
            /**
             * Format: uuid
             * @description The tip of a `tip` line.
             */
            tipId?: string | null;
        };
        StatementList: {
            data: components["schemas"]["Statement"][];
            nextCursor: string | null;
        };
        SupplierEvent: {
            /** Format: date-time */
            createdAt?: string;
            data: {
                /** Format: date-time */
                deliveredAt?: string | null;
                /** @description The supplier's id of the cookie order. */
                orderId?: string;
                /** @description Our reference for it (the kit id). */
                reference?: string;
            };
            id: string;
            /** @example cookie.delivered */
            type: string;
        };
        SupplierEventReceipt: {
            duplicate: boolean;
            /** @description Whether the event changed anything (false for unknown event types and cookies, and repeats). */
            handled: boolean;
            /** @constant */
            received: true;
        };
        TestAssignment: {
            /** Format: date-time */
            assignedAt: string;
            attemptsLeft: number;
            attemptsUsed: number;
            bestScore: number | null;
            /** Format: uuid */
            id: string;
            maxAttempts: number;
            /** @description Percentage needed to pass. */
            passMark: number;
            /** @enum {string} */
            status: "assigned" | "passed" | "failed";
            /** Format: uuid */
            testId: string;
            timeLimitMinutes: number;
            title: string;
        };
        TestAttempt: {
            /** Format: date-time */
            deadline: string;
            /** Format: uuid */
            id: string;
            number: number;
            passed: boolean | null;
            questions: components["schemas"]["TestQuestion"][];
            /** @description Percentage of right answers (rounded down). */
            score: number | null;
            /** Format: date-time */
            startedAt: string;
            /** @enum {string} */
            state: "in_progress" | "expired" | "passed" | "failed";
            /** Format: date-time */
            submittedAt: string | null;
        };
        TestAttemptResult: components["schemas"]["TestAttempt"] & {
            attemptsLeft: number;
            correct: number;
            total: number;
        };
        TestQuestion: {
            choices: string[];
            text: string;
        };
        TimelineEntry: {
            /**
             * Format: uuid
             * @description Null when the platform itself acted (a timer, matching).
             */
            actorId: string | null;
            /** @description The role the actor acted in (`client`, `worker`, `manager`, `system` …). */
            actorRole: string;
            /** Format: date-time */
            at: string;
            /** @description For `edited`, each changed field with its old and new value. */
            changes?: {
                [key: string]: unknown;
            };
            /** @description A lifecycle event (`check_in`, `cancel` …) or `created`, `edited`, `tip` (a client's tip; `changes` holds its id and amount). */
            event: string;
            /** @description SHA-256 of every photo this step used. */
            fileHashes: string[];
            from: components["schemas"]["OrderStatus"] | null;
            reason: string | null;
            to: components["schemas"]["OrderStatus"];
        };
        TimelineList: {
            data: components["schemas"]["TimelineEntry"][];
        };
        Tip: {
            amount: components["schemas"]["Money"];
            /** Format: uuid */
            clientId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            orderId: string;
            /** @description All the order's tips with this one. */
            orderTips: components["schemas"]["Money"];
            /** Format: uuid */
            workerId: string | null;
        };
        TipRequest: {
            /** @description More than 0.00; all the order's tips together at most its price. */
            amount: components["schemas"]["Money"];
        };
        Tokens: {
            accessToken: string;
            /** @description Seconds until the access token expires. */
            expiresIn: number;
            refreshToken: string;
        };
        TopUp: {
            amount: components["schemas"]["Money"];
            balance: components["schemas"]["Money"];
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @description Unpaid invoices this top-up paid (the balance is after them). */
            invoicesPaid: number;
            provider: string;
            /** @enum {string} */
            status: "succeeded" | "declined";
        };
        TopUpCreate: {
            amount: components["schemas"]["Money"];
            /** @description The provider's payment method (a test card number with `sandbox-card`). */
            paymentMethod: string;
        };
        UpcomingInvoice: {
            /** Format: uuid */
            clientId: string;
            discount: components["schemas"]["Money"];
            discountRate: number;
            lines: components["schemas"]["InvoiceLine"][];
            paidBefore: components["schemas"]["Money"];
            /** Format: date-time */
            periodEnd: string;
            /** Format: date-time */
            periodStart: string | null;
            subtotal: components["schemas"]["Money"];
            /** @description The tips on the invoice (its `tip` lines), added after the discount and paid to the workers in full. */
            tips: components["schemas"]["Money"];
            total: components["schemas"]["Money"];
        };
        Vacancy: {
            description: string;
            /** Format: uuid */
            id: string;
            testCount: number;
            title: string;
        };
        VacancyList: {
            data: components["schemas"]["Vacancy"][];
        };
        /** @enum {string} */
        Verdict: "confirmed" | "overturned";
        WebhookEndpoint: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description When persistent failure disabled it (disabled endpoints only).
             */
            disabledAt?: string;
            /** @description Why (the delivery given up and its last error; disabled endpoints only). */
            disabledReason?: string;
            eventTypes: components["schemas"]["WebhookEventTypes"];
            /** Format: uuid */
            id: string;
            status: components["schemas"]["WebhookEndpointStatus"];
            url: string;
        };
        WebhookEndpointCreate: {
            eventTypes: components["schemas"]["WebhookEventTypes"];
            /**
             * @description An `http:` or `https:` URL without credentials. Refused (422 `WEBHOOKS.URL_NOT_ALLOWED`) when it resolves to a private, loopback, link-local or metadata address.
             * @example https://partner.example/chorecat/webhooks
             */
            url: string;
        };
        /** @description The endpoint with its signing secret, shown this once. */
        WebhookEndpointCreated: components["schemas"]["WebhookEndpoint"] & {
            /** @description The signing secret (`whsec_…`). Shown only in this answer; store it now. */
            secret: string;
        };
        WebhookEndpointList: {
            data: components["schemas"]["WebhookEndpoint"][];
            nextCursor: string | null;
        };
        /**
         * @description `active` receives deliveries; `disabled` after a delivery failed for 3 days (its owner is emailed and `webhook.endpoint.disabled` is recorded).
         * @enum {string}
         */
        WebhookEndpointStatus: "active" | "disabled";
        /**
         * @description The event types delivered to the endpoint (`order.created` …), or `["*"]` for every type (`*` stands alone: beside a type it is a 400).
         * @example [
         *       "*"
         *     ]
         * @example [
         *       "order.created",
         *       "order.scheduled"
         *     ]
         */
        WebhookEventTypes: string[];
        WebhookSecretRotation: {
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Until then deliveries carry two `v1=` signatures, by the new secret and by the previous one.
             */
            previousSecretExpiresAt: string;
            /** @description The new signing secret, shown only in this answer. */
            secret: string;
        };
        Worker: {
            age: number;
            /** Format: uuid */
            applicationId: string | null;
            breed: string;
            /** Format: date-time */
            hiredAt: string;
            /** Format: uuid */
            id: string;
            name: string;
            preferredServiceTypeIds: string[];
            skills: string[];
            workerCode: string;
        };
        WorkerList: {
            data: components["schemas"]["Worker"][];
            nextCursor: string | null;
        };
    };
    responses: {
        /** @description The request does not match the contract; `errors` names each field. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request conflicts with the current state (or an identical request is in flight). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The database is not reachable right now (`SERVICE.DATABASE_UNAVAILABLE`): it is down or restarting. Nothing was changed that the answer does not show; retry after `Retry-After` seconds (a POST with the same `Idempotency-Key`). */
        DatabaseUnavailable: {
            headers: {
                /** @description Seconds to wait before retrying. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller's roles do not allow this operation. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A bug on our side (`INTERNAL`), reported to operators; quote the `requestId`. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such resource (or not visible to the caller). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than the operation accepts. */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Rate limit exceeded; retry after the `Retry-After` header. */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Missing, expired or invalid credentials. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Well-formed but not acceptable (for example an Idempotency-Key reused with another body). */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body's content type or encoding is not one the operation accepts. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        AssignmentId: string;
        AttemptId: string;
        /** @description The `nextCursor` of the previous page. */
        Cursor: string;
        Id: string;
        /**
         * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
         *     first answer is replayed, kept 24 hours. Operations whose answer
         *     carries credentials (sign-in, refresh, email verification) store no
         *     answer: a retry runs again, so a spent refresh token presented twice
         *     is still caught as reuse.
         */
        IdempotencyKey: string;
        /** @description Page size. */
        Limit: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 25 | 26 | 27 | 28 | 29 | 30 | 31 | 32 | 33 | 34 | 35 | 36 | 37 | 38 | 39 | 40 | 41 | 42 | 43 | 44 | 45 | 46 | 47 | 48 | 49 | 50 | 51 | 52 | 53 | 54 | 55 | 56 | 57 | 58 | 59 | 60 | 61 | 62 | 63 | 64 | 65 | 66 | 67 | 68 | 69 | 70 | 71 | 72 | 73 | 74 | 75 | 76 | 77 | 78 | 79 | 80 | 81 | 82 | 83 | 84 | 85 | 86 | 87 | 88 | 89 | 90 | 91 | 92 | 93 | 94 | 95 | 96 | 97 | 98 | 99 | 100;
        /** @description The provider's configured name. */
        OidcProvider: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics in the Prometheus exposition format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bundled OpenAPI document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            /** @description Not ready, the database not reachable right now (`SERVICE.DATABASE_UNAVAILABLE`, with `Retry-After`; retry). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApplicationChallenge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A challenge. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationChallenge"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listApplications: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                status?: components["schemas"]["ApplicationStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of applications. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createApplication: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationCreate"];
            };
        };
        responses: {
            /** @description An open application for this email exists (its id and status); nothing was created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationReceipt"];
                };
            };
            /** @description Received. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    hireApplicant: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application, hired, with the worker code. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    rejectApplication: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectApplicationRequest"];
            };
        };
        responses: {
            /** @description The application, rejected. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    assignApplicationTest: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignTestRequest"];
            };
        };
        responses: {
            /** @description The application with the test assigned. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    startTestAttempt: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                assignmentId: components["parameters"]["AssignmentId"];
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attempt already running. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestAttempt"];
                };
            };
            /** @description A new attempt. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestAttempt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    submitTestAnswers: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                assignmentId: components["parameters"]["AssignmentId"];
                attemptId: components["parameters"]["AttemptId"];
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswersRequest"];
            };
        };
        responses: {
            /** @description The scored attempt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestAttemptResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tokens"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    finishSingleSignOn: {
        parameters: {
            query?: {
                code?: string;
                error?: string;
                state?: string;
            };
            header?: never;
            path: {
                /** @description The provider's configured name. */
                provider: components["parameters"]["OidcProvider"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tokens"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            /** @description The provider cannot be reached, or the database is not reachable right now (`SERVICE.DATABASE_UNAVAILABLE`; retry). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startSingleSignOn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The provider's configured name. */
                provider: components["parameters"]["OidcProvider"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the provider's sign-in page. */
            302: {
                headers: {
                    /** @description The provider's authorization URL. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            /** @description The provider cannot be reached, or the database is not reachable right now (`SERVICE.DATABASE_UNAVAILABLE`; retry). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    forgotPassword: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailRequest"];
            };
        };
        responses: {
            /** @description Accepted. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    resetPassword: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordRequest"];
            };
        };
        responses: {
            /** @description Password changed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    refreshTokens: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description New tokens. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tokens"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description A verification code is on its way (if the address can receive one). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodeRequest"];
            };
        };
        responses: {
            /** @description Verified and signed in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tokens"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    resendVerification: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailRequest"];
            };
        };
        responses: {
            /** @description Accepted. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getBalance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The balance. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Balance"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getEarnings: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                /** @description Staff only; a worker always sees its own. */
                workerId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The earnings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Earnings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listEmails: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Only emails to this address (case-insensitive). */
                recipient?: string;
                status?: components["schemas"]["EmailStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of emails. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description The id of the last event already read (a page's `nextCursor`); omitted = from the oldest event kept. */
                after?: string;
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Only these event types; repeated (`types=a&types=b`) or comma-separated (`types=a,b`). */
                types?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    uploadFile: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileInfo"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            /** @description Larger than 10 MB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a JPEG, PNG or WebP image. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            /** @description The file store cannot take the file right now (`FILES.STORAGE_UNAVAILABLE`: the disk full or not writable, S3 failing or unreachable), or the database is not reachable (`SERVICE.DATABASE_UNAVAILABLE`). Nothing was stored; retry after `Retry-After` seconds (with the same `Idempotency-Key`). */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image. */
            200: {
                headers: {
                    /** @description The SHA-256 of the bytes, as recorded in order timelines. */
                    "X-Content-SHA256"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            /** @description The file store cannot be read right now (`FILES.STORAGE_UNAVAILABLE`: a failing disk, S3 failing or unreachable), or the database is not reachable (`SERVICE.DATABASE_UNAVAILABLE`). Retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveGoldenHatEvent: {
        parameters: {
            query?: never;
            header: {
                "Golden-Hat-Signature": string;
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GoldenHatEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierEventReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    receiveSupplierEvent: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                "Supplier-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupplierEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierEventReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listInvoices: {
        parameters: {
            query?: {
                clientId?: string;
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of invoices. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invoice. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getUpcomingInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The running total of the current week. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpcomingInvoice"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listKits: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                status?: components["schemas"]["KitStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of kits. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KitList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getKit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The kit. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Kit"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    retryKitCookie: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The kit after the call. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Kit"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    packKit: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["KitPackRequest"];
            };
        };
        responses: {
            /** @description The kit with the items packed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Kit"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    markKitReady: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The kit, now ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Kit"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    eraseMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Erased. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeUpdate"];
            };
        };
        responses: {
            /** @description The updated profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    exportMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonalDataExport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listOffers: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                status?: components["schemas"]["OfferStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of offers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfferList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    acceptOffer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted; the order is scheduled with the caller as its worker. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Offer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    declineOffer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Declined. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Offer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listOrders: {
        parameters: {
            query?: {
                clientId?: string;
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                from?: string;
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                status?: components["schemas"]["OrderStatus"];
                to?: string;
                workerId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of orders. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createOrder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderCreate"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order, with the actions the caller could take now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    updateOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderUpdate"];
            };
        };
        responses: {
            /** @description The edited order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    acceptOrder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["AcceptRequest"];
            };
        };
        responses: {
            /** @description The order after the step. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listBids: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of bids. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BidList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    placeBid: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BidCreate"];
            };
        };
        responses: {
            /** @description Placed. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bid"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CancelRequest"];
            };
        };
        responses: {
            /** @description Cancelled. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    checkInOrder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckInRequest"];
            };
        };
        responses: {
            /** @description The order after the step. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    copyOrder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CopyRequest"];
            };
        };
        responses: {
            /** @description The new order. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    rejectOrder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectRequest"];
            };
        };
        responses: {
            /** @description The order after the step. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    reportOrder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportRequest"];
            };
        };
        responses: {
            /** @description The order after the step. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getSettlement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settlement. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settlement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getOrderTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The timeline. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelineList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    tipOrder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TipRequest"];
            };
        };
        responses: {
            /** @description The tip. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tip"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listPayouts: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                statementId?: string;
                status?: components["schemas"]["PayoutStatus"];
                /** @description Staff only; a worker always sees its own. */
                workerId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of payouts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getPayout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payout. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payout"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listReviewForms: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of forms. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewFormList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createReviewForm: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewFormInput"];
            };
        };
        responses: {
            /** @description Created, as version 1. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewForm"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createReviewFormVersion: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewFormInput"];
            };
        };
        responses: {
            /** @description The new version. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewForm"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listReviews: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                reason?: components["schemas"]["ReviewReason"];
                status?: components["schemas"]["ReviewStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reviews. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    openReview: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewOpen"];
            };
        };
        responses: {
            /** @description The order's manual review was already open. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            /** @description Opened. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The review. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    recordReviewResult: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewResult"];
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getSandboxClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The platform's current time. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxClock"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    advanceSandboxClock: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SandboxClockAdvance"];
            };
        };
        responses: {
            /** @description The clock after the advance, and the jobs that ran. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxClockAdvanced"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listServiceTypes: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                includeInactive?: boolean;
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of service types, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceTypeList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createServiceType: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceTypeCreate"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceType"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    updateServiceType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceTypeUpdate"];
            };
        };
        responses: {
            /** @description The updated service type. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceType"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    markSettlementSharePaid: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Paid. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementShare"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listStatements: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                workerId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of statements. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatementList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createTopUp: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TopUpCreate"];
            };
        };
        responses: {
            /** @description Charged and credited. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TopUp"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description The payment was declined; nothing was credited. */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            /** @description No real payment provider is configured (production), or the database is not reachable right now (`SERVICE.DATABASE_UNAVAILABLE`; retry). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listVacancies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The open vacancies. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VacancyList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of endpoints. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointCreate"];
            };
        };
        responses: {
            /** @description Registered; the secret is in this answer only. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    rotateWebhookEndpointSecret: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new secret, in this answer only. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecretRotation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    listWorkers: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of workers, by hiring date. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkerList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getWorker: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The worker. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Worker"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createReward: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (e.g. a UUID) that makes a retry of this POST safe: the
                 *     first answer is replayed, kept 24 hours. Operations whose answer
                 *     carries credentials (sign-in, refresh, email verification) store no
                 *     answer: a retry runs again, so a spent refresh token presented twice
                 *     is still caught as reuse.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RewardCreate"];
            };
        };
        responses: {
            /** @description Granted. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reward"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    applicationHiredEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Application"];
                    /** @constant */
                    type: "application.hired";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    applicationReceivedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Application"];
                    /** @constant */
                    type: "application.received";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    applicationRejectedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Application"];
                    /** @constant */
                    type: "application.rejected";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    applicationTestAssignedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Application"];
                    /** @constant */
                    type: "application.test_assigned";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    invoiceIssuedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Invoice"];
                    /** @constant */
                    type: "invoice.issued";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    invoicePaidEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Invoice"];
                    /** @constant */
                    type: "invoice.paid";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    invoiceUnpaidEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Invoice"];
                    /** @constant */
                    type: "invoice.unpaid";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    kitCancelledEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Kit"];
                    /** @constant */
                    type: "kit.cancelled";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    kitOpenedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Kit"];
                    /** @constant */
                    type: "kit.opened";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    kitReadyEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Kit"];
                    /** @constant */
                    type: "kit.ready";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderCancelledEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Order"];
                    /** @constant */
                    type: "order.cancelled";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderCompletedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Order"];
                    /** @constant */
                    type: "order.completed";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderCreatedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Order"];
                    /** @constant */
                    type: "order.created";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderEditedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Order"];
                    /** @constant */
                    type: "order.edited";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderFailedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Order"];
                    /** @constant */
                    type: "order.failed";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderReportedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Order"];
                    /** @constant */
                    type: "order.reported";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderScheduledEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Order"];
                    /** @constant */
                    type: "order.scheduled";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderStartedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Order"];
                    /** @constant */
                    type: "order.started";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderTippedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Tip"];
                    /** @constant */
                    type: "order.tipped";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    payoutCreatedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Payout"];
                    /** @constant */
                    type: "payout.created";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    payoutFailedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Payout"];
                    /** @constant */
                    type: "payout.failed";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    payoutPaidEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Payout"];
                    /** @constant */
                    type: "payout.paid";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    reviewCompletedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Review"];
                    /** @constant */
                    type: "review.completed";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    reviewOpenedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Review"];
                    /** @constant */
                    type: "review.opened";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    settlementComputedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Settlement"];
                    /** @constant */
                    type: "settlement.computed";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    settlementSharePaidEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Settlement"];
                    /** @constant */
                    type: "settlement.share_paid";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    statementIssuedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Statement"];
                    /** @constant */
                    type: "statement.issued";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    statementPaidEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["Statement"];
                    /** @constant */
                    type: "statement.paid";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookEndpointDisabledEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    data: components["schemas"]["WebhookEndpoint"];
                    /** @constant */
                    type: "webhook.endpoint.disabled";
                };
            };
        };
        responses: {
            /** @description Received (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by the receiver (any 4xx or 5xx is a failed delivery). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
