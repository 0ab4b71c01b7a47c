package me.wolfeo.sequences.platform.messaging.inbound;

import me.wolfeo.sequences.platform.messaging.Envelope;

/** Applies one type of inbound message. */
@FunctionalInterface
public interface MessageHandler {

    /**
     * Applies the message inside the caller's database transaction.
     *
     * @return the reply data (serialised to JSON), or null when there is nothing to answer
     * @throws me.wolfeo.sequences.platform.messaging.CommandRejectedException for a business refusal, thrown
     *         before anything was changed
     * @throws me.wolfeo.sequences.platform.messaging.InvalidMessageException for a message that can never be
     *         processed; it goes to the dead-letter topic
     */
    Object handle(Envelope message);
}
