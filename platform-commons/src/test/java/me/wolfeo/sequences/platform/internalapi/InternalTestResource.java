package me.wolfeo.sequences.platform.internalapi;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** Internal routes of the test application: one for callers, one that declares nobody (refused to everyone). */
@Path("/internal/test")
public class InternalTestResource {

    @GET
    @Path("/caller")
    @RolesAllowed(InternalApi.CALLER_ROLE)
    public String caller(@Context SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    @GET
    @Path("/undeclared")
    public String undeclared() {
        return "never answered";
    }
}
