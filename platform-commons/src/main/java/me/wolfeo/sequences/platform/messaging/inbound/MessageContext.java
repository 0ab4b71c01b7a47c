package me.wolfeo.sequences.platform.messaging.inbound;

/**
 * How an inbound message came.
 *
 * @param expectsReply true when a requester waits for the answer (the gateway); false for a message published
 *        without a reply topic (an internal system, another service's event)
 */
public record MessageContext(boolean expectsReply) {
}
