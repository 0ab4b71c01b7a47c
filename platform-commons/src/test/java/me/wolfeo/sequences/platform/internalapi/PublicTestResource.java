package me.wolfeo.sequences.platform.internalapi;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A route outside the internal API, open to all: what the internal tokens' mechanism must leave alone. */
@Path("/elsewhere")
@PermitAll
public class PublicTestResource {

    @GET
    public String get() {
        return "open";
    }
}
