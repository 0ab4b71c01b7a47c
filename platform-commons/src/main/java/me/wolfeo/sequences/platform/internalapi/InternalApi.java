package me.wolfeo.sequences.platform.internalapi;

/** What every service's internal read API shares: where it lives, and the role its callers are given. */
public final class InternalApi {

    /** Every internal route starts with it; only these paths take (and need) a service's token. */
    public static final String PATH_PREFIX = "/internal/";

    /** The role of a service that called with a token this service accepts: {@code @RolesAllowed} of the routes. */
    public static final String CALLER_ROLE = "internal-caller";

    private InternalApi() {
    }

    public static boolean isInternalPath(String path) {
        return path != null && path.startsWith(PATH_PREFIX);
    }
}
