package me.wolfeo.sequences.enrollmentservice.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import me.wolfeo.sequences.platform.http.InternalResponses;
import me.wolfeo.sequences.platform.internalapi.InternalApi;

/**
 * Moves the engine's clock forward, for tests of the whole platform: {@code POST /internal/v1/clock/advance
 * {"seconds": 3600}}. Answers 404 unless {@code enrollment.engine.adjustable-clock} is on.
 */
@RolesAllowed(InternalApi.CALLER_ROLE)
@Path("/internal/v1/clock")
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

    private final Clock clock;
    private final EngineClock engineClock;

    public ClockResource(Clock clock, EngineClock engineClock) {
        this.clock = clock;
        this.engineClock = engineClock;
    }

    /** How far to move the clock. */
    public record Advance(long seconds) {
    }

    @GET
    public RestResponse<Object> now() {
        return RestResponse.ok(Map.of("now", clock.instant().toString()));
    }

    @POST
    @Path("/advance")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<Object> advance(Advance advance) {
        AdjustableClock adjustable = engineClock.adjustable().orElse(null);
        if (adjustable == null) {
            return InternalResponses.notFound("This service runs on the system clock.");
        }
        if (advance == null || advance.seconds() < 0) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST,
                    Map.of("message", "seconds must be 0 or more"));
        }
        adjustable.advance(Duration.ofSeconds(advance.seconds()));
        return RestResponse.ok(Map.of("now", clock.instant().toString(), "offset_seconds",
                adjustable.offset().toSeconds()));
    }
}
