package me.wolfeo.sequences.platform.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/** The credentials of the services that call the internal API of the service under test. */
public final class InternalCallers {

    private InternalCallers() {
    }

    /** The Authorization header of a call by this caller: its token as the test application accepts it. */
    public static String bearer(String caller) {
        return "Bearer " + ConfigProvider.getConfig().getValue("platform.internal-api.callers." + caller,
                String.class);
    }
}
