package me.wolfeo.sequences.platform.messaging.inbound;

/**
 * What the inbox remembers of a message it has processed.
 *
 * @param fingerprint hash of the message's type and data, to tell a true retry from a reused id
 * @param reply the reply that was sent, as JSON bytes, or null when none was due
 */
public record ProcessedMessage(String fingerprint, byte[] reply) {
}
