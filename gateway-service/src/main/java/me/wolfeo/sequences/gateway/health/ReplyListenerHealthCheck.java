package me.wolfeo.sequences.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import me.wolfeo.sequences.platform.messaging.requestreply.KafkaRequestor;

/**
 * The gateway is ready only while it can hear replies: its reply listener runs, reads {@code gateway.replies} and
 * hears from the broker. Otherwise every command would wait for its timeout and answer 504; unready, the gateway
 * is taken out of the load balancer until Kafka is back (reads stop with it: they come through the same door).
 */
@Readiness
@ApplicationScoped
public class ReplyListenerHealthCheck implements HealthCheck {

    static final String NAME = "Kafka reply listener";

    private final KafkaRequestor requestor;

    public ReplyListenerHealthCheck(KafkaRequestor requestor) {
        this.requestor = requestor;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaRequestor.ListenerStatus status = requestor.status();
        return HealthCheckResponse.named(NAME).status(status.up()).withData("status", status.description()).build();
    }
}
