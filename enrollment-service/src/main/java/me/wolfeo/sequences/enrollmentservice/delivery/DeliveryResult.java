package me.wolfeo.sequences.enrollmentservice.delivery;

/**
 * What a provider did with one message: took it, refused it for good (a bad address, a rejected number), or
 * could not take it now (down, busy, timed out) so that a later attempt may succeed.
 */
public sealed interface DeliveryResult {

    record Delivered() implements DeliveryResult {
    }

    record Refused(String reason) implements DeliveryResult {
    }

    record Unavailable(String reason) implements DeliveryResult {
    }

    static DeliveryResult delivered() {
        return new Delivered();
    }

    static DeliveryResult refused(String reason) {
        return new Refused(reason);
    }

    static DeliveryResult unavailable(String reason) {
        return new Unavailable(reason);
    }
}
