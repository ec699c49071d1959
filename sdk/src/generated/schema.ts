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
        /** This contract, as JSON */
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
         * @description Answers 200 when the database answers; 503 otherwise, so a load balancer stops routing here.
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
         * @description Returns a short-lived access token (a bearer JWT) and a refresh token.
         *     A wrong email and a wrong password get the same answer.
         */
        post: operations["login"];
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
         */
        get: operations["getSandboxClock"];
        put?: never;
        /**
         * Advance the platform clock
         * @description Moves the clock forward (never back) to `advanceTo`, or by `advanceBy`
         *     (an ISO 8601 duration such as `P1D` or `PT2H`), and runs every
         *     scheduled job that falls due on the way, in time order. Give exactly
         *     one of the two. The answer lists the job runs in the order they ran.
         */
        post: operations["advanceSandboxClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
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
        /**
         * @description `pending` waits for (re)delivery, `sent` was accepted by the transport, `failed` gave up after every retry.
         * @enum {string}
         */
        EmailStatus: "pending" | "sent" | "failed";
        FieldError: {
            code?: string;
            message: string;
            /** @description Where the problem is, e.g. `/body/advanceTo`. */
            path: string;
        };
        Health: {
            /** @constant */
            status: "ok";
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
        LoginRequest: {
            /** Format: email */
            email: string;
            password: string;
        };
        /** @description An RFC 9457 problem detail. */
        Problem: {
            /**
             * @description A stable, namespaced code such as `ORDERS.ILLEGAL_TRANSITION`.
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
        SandboxClock: {
            /** Format: date-time */
            now: string;
        };
        /** @description Exactly one of `advanceTo` and `advanceBy`. */
        SandboxClockAdvance: {
            /** @description An ISO 8601 duration, e.g. `P1D`, `PT90M`, `P1W`. */
            advanceBy?: string;
            /** Format: date-time */
            advanceTo?: string;
        } & (unknown | unknown);
        SandboxClockAdvanced: {
            jobsRun: components["schemas"]["JobRun"][];
            /** Format: date-time */
            now: string;
        };
        Tokens: {
            accessToken: string;
            /** @description Seconds until the access token expires. */
            expiresIn: number;
            refreshToken: string;
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
        /** @description The caller's roles do not allow this operation. */
        Forbidden: {
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
    };
    parameters: {
        /** @description The `nextCursor` of the previous page. */
        Cursor: string;
        /** @description A unique key (e.g. a UUID) that makes a retry of this POST safe. Kept 24 hours. */
        IdempotencyKey: string;
        /** @description Page size. */
        Limit: number;
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
            429: components["responses"]["TooManyRequests"];
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
            429: components["responses"]["TooManyRequests"];
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
            429: components["responses"]["TooManyRequests"];
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
            429: components["responses"]["TooManyRequests"];
            /** @description Not ready. */
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
    login: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (e.g. a UUID) that makes a retry of this POST safe. Kept 24 hours. */
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
            429: components["responses"]["TooManyRequests"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    advanceSandboxClock: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (e.g. a UUID) that makes a retry of this POST safe. Kept 24 hours. */
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
            422: components["responses"]["Unprocessable"];
        };
    };
}
