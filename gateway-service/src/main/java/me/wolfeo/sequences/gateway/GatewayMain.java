package me.wolfeo.sequences.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the gateway. Before Quarkus starts, it turns off Quarkus's own check of the request URI
 * ({@code vertx.disableURIValidation}), which answers an undecodable URI ({@code ?sequence_id=%zz}) with an empty
 * 400 before any route runs: {@link me.wolfeo.sequences.gateway.api.HttpRefusals} makes the same check first on the
 * router and answers in the dialect of the path. (The tests set the same property: gateway-service/pom.xml.)
 */
@QuarkusMain
public final class GatewayMain {

    private static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

    private GatewayMain() {
    }

    public static void main(String... args) {
        System.setProperty(URI_VALIDATION_OFF, "true");
        Quarkus.run(args);
    }
}
