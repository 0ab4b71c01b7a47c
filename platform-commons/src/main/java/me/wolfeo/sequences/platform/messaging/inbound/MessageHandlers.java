package me.wolfeo.sequences.platform.messaging.inbound;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import me.wolfeo.sequences.platform.messaging.Envelope;

/** The handlers of one consumer, by message type and version. */
public final class MessageHandlers {

    private final Map<String, ContextualHandler> handlers;
    private final boolean ignoreUnknownTypes;

    private MessageHandlers(Map<String, ContextualHandler> handlers, boolean ignoreUnknownTypes) {
        this.handlers = Map.copyOf(handlers);
        this.ignoreUnknownTypes = ignoreUnknownTypes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A handler that also wants to know how the message came (see {@link MessageContext}). */
    @FunctionalInterface
    public interface ContextualHandler {

        Object handle(Envelope message, MessageContext context);
    }

    public Optional<ContextualHandler> forType(String type, int version) {
        return Optional.ofNullable(handlers.get(key(type, version)));
    }

    /** True for event consumers: an event type they have no handler for is none of their business. */
    public boolean ignoresUnknownTypes() {
        return ignoreUnknownTypes;
    }

    public Set<String> types() {
        return new TreeSet<>(handlers.keySet());
    }

    private static String key(String type, int version) {
        return type + " v" + version;
    }

    public static final class Builder {

        private final Map<String, ContextualHandler> handlers = new HashMap<>();
        private boolean ignoreUnknownTypes;

        public Builder on(String type, int version, MessageHandler handler) {
            return onWithContext(type, version, (message, context) -> handler.handle(message));
        }

        public Builder onWithContext(String type, int version, ContextualHandler handler) {
            if (handlers.putIfAbsent(key(type, version), handler) != null) {
                throw new IllegalArgumentException("Two handlers for " + key(type, version));
            }
            return this;
        }

        /**
         * Skips messages of other types instead of dead-lettering them: right for events, where producers add new
         * types that existing consumers do not need; wrong for commands, where an unknown type is an error.
         */
        public Builder ignoreUnknownTypes() {
            this.ignoreUnknownTypes = true;
            return this;
        }

        public MessageHandlers build() {
            return new MessageHandlers(handlers, ignoreUnknownTypes);
        }
    }
}
