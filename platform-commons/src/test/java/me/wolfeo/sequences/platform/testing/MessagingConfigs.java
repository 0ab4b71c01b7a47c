package me.wolfeo.sequences.platform.testing;

import me.wolfeo.sequences.platform.messaging.MessagingConfig;

/**
 * A service's messaging settings with some groups replaced, for tests that build a mechanism (a requestor, a
 * relay) of their own with other settings than the application's.
 */
public final class MessagingConfigs {

    private MessagingConfigs() {
    }

    /** The base settings, with each group that is not null in place of the base's. */
    public static MessagingConfig replacing(MessagingConfig base, MessagingConfig.Producer producer,
            MessagingConfig.Requests requests, MessagingConfig.Outbox outbox) {
        return new MessagingConfig() {

            @Override
            public String source() {
                return base.source();
            }

            @Override
            public String instanceId() {
                return base.instanceId();
            }

            @Override
            public Producer producer() {
                return producer == null ? base.producer() : producer;
            }

            @Override
            public Requests requests() {
                return requests == null ? base.requests() : requests;
            }

            @Override
            public Outbox outbox() {
                return outbox == null ? base.outbox() : outbox;
            }

            @Override
            public Inbox inbox() {
                return base.inbox();
            }

            @Override
            public Inbound inbound() {
                return base.inbound();
            }
        };
    }
}
