package me.wolfeo.sequences.platform.messaging;

/**
 * A message that can never be processed (not JSON, unknown type, missing fields). It goes to the dead-letter
 * topic with this exception's message as the reason, and its partition keeps flowing.
 */
public class InvalidMessageException extends RuntimeException {

    public InvalidMessageException(String reason) {
        super(reason, null, false, false);
    }
}
