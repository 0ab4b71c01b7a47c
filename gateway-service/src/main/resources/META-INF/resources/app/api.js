// The public API, as any client calls it: the REST dialect with the token in the Authorization header, and the
// enrollment webhooks (the only routes that enroll and disenroll) with the token in the JSON body. The token is
// kept in sessionStorage (this tab, until it closes or signs out), never in a URL.

const TOKEN_KEY = 'sequences.token';

export function token() {
    return sessionStorage.getItem(TOKEN_KEY);
}

export function keepToken(value) {
    sessionStorage.setItem(TOKEN_KEY, value);
}

export function forgetToken() {
    sessionStorage.removeItem(TOKEN_KEY);
}

/** A refusal of the API: `fields` maps each field it names to its messages. */
export class ApiError extends Error {
    constructor(status, code, message, fields) {
        super(message);
        this.status = status;
        this.code = code;
        this.fields = fields || {};
    }
}

let onUnauthenticated = () => {};
let busyCount = 0;
let onBusy = () => {};

/** What to do when the token stops being accepted (revoked while signed in). */
export function whenUnauthenticated(handler) {
    onUnauthenticated = handler;
}

/** Told true while any request is in flight, false when none is. */
export function whenBusy(handler) {
    onBusy = handler;
}

function idempotencyKey() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function send(method, path, {query, body, headers = {}, withToken = token()} = {}) {
    const url = new URL(path, window.location.origin);
    for (const [name, value] of Object.entries(query || {})) {
        if (value !== undefined && value !== null && value !== '') {
            url.searchParams.set(name, value);
        }
    }
    const init = {method, headers: {Accept: 'application/json', ...headers}, credentials: 'omit', cache: 'no-store'};
    if (withToken && !('api_token' in (body || {}))) {
        init.headers.Authorization = `Bearer ${withToken}`;
    }
    if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    if (method !== 'GET') {
        // A retry of this exact call (e.g. after a timeout) is answered, not applied twice.
        init.headers['Idempotency-Key'] = idempotencyKey();
    }
    busyCount += 1;
    onBusy(true);
    try {
        let response;
        try {
            response = await fetch(url, init);
        } catch (e) {
            throw new ApiError(0, 'NETWORK', 'The gateway could not be reached. Check your connection and retry.');
        }
        let answer = null;
        try {
            answer = await response.json();
        } catch (e) {
            answer = null;
        }
        return {response, answer};
    } finally {
        busyCount -= 1;
        if (busyCount === 0) {
            onBusy(false);
        }
    }
}

/** A REST call: resolves to {data, meta}; rejects with an ApiError (the error envelope's code, message, details). */
export async function rest(method, path, options = {}) {
    const {response, answer} = await send(method, path, options);
    if (response.ok && answer && answer.success) {
        return {data: answer.data, meta: answer.meta};
    }
    const error = (answer && answer.error) || {};
    const fields = {};
    for (const [field, messages] of Object.entries(error.details || {})) {
        if (Array.isArray(messages)) {
            fields[field] = messages;
        }
    }
    const refusal = new ApiError(response.status, error.code || `HTTP_${response.status}`,
        error.message || `The gateway answered ${response.status}.`, fields);
    if (response.status === 401 && options.withToken === undefined) {
        onUnauthenticated(refusal);
    }
    throw refusal;
}

/** A webhook call (token in the body): resolves to its message; rejects with an ApiError (message, errors). */
export async function webhook(path, body) {
    const {response, answer} = await send('POST', path, {body: {api_token: token(), ...body}, withToken: null});
    if (response.ok) {
        return (answer && answer.message) || 'Done.';
    }
    const refusal = new ApiError(response.status, `HTTP_${response.status}`,
        (answer && answer.message) || `The gateway answered ${response.status}.`, (answer && answer.errors) || {});
    if (response.status === 401 && !refusal.fields.api_token) {
        onUnauthenticated(refusal);
    }
    throw refusal;
}
