package me.wolfeo.sequences.gateway.security;

/** The roles of the gateway's callers: what their credentials let them call. */
public final class ApiRoles {

    /** An account's API token (the /v1 REST dialect). */
    public static final String ACCOUNT = "account";
    /** The operator's X-Admin-Key (the /admin/v1 API). */
    public static final String ADMIN = "admin";

    private ApiRoles() {
    }
}
