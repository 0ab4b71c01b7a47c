package me.wolfeo.sequences.platform.messaging.inbound;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import me.wolfeo.sequences.platform.messaging.Envelope;

/** The handlers of one consumer, by message type and version. */
public final class MessageHandlers {

    private final Map<String, ContextualHandler> handlers;
    private final boolean ignoreUnknownTypes;
    private final Consumer<List<Envelope>> preparation;

    private MessageHandlers(Map<String, ContextualHandler> handlers, boolean ignoreUnknownTypes,
            Consumer<List<Envelope>> preparation) {
        this.handlers = Map.copyOf(handlers);
        this.ignoreUnknownTypes = ignoreUnknownTypes;
        this.preparation = preparation;
    }

    /**
     * Called in the batch's transaction with the messages about to be applied, before the first of them: the place
     * to load in a few queries what the handlers would otherwise look up one message at a time.
     */
    public void prepare(List<Envelope> messages) {
        if (!messages.isEmpty()) {
            preparation.accept(messages);
        }
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
        private Consumer<List<Envelope>> preparation = messages -> {
        };

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

        /** Loads what a batch's messages need before they are applied (see {@link MessageHandlers#prepare}). */
        public Builder prepareWith(Consumer<List<Envelope>> preparation) {
            this.preparation = preparation;
            return this;
        }

        public MessageHandlers build() {
            return new MessageHandlers(handlers, ignoreUnknownTypes, preparation);
        }
    }
}
