package me.wolfeo.sequences.enrollmentservice;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** enrollment-service's own settings; each has an environment override (ENROLLMENT_ENGINE_BATCH_SIZE, ...). */
@ConfigMapping(prefix = "enrollment")
public interface EnrollmentConfig {

    Engine engine();

    Delivery delivery();

    /** The engine that runs due steps. */
    interface Engine {

        /** Off: this instance runs no steps (another replica may). */
        @WithDefault("true")
        boolean enabled();

        /** How many due steps one claim takes (and runs in one transaction). */
        @WithDefault("500")
        int batchSize();

        /**
         * Claim loops side by side in this instance; each claims its own batches. A claim waits on the database
         * most of its time: four keep two cores busy (measured in the benchmark).
         */
        @WithDefault("4")
        int workers();

        /** How often an idle claim loop looks for due steps. */
        @WithDefault("250ms")
        Duration pollInterval();

        /** How long a step whose provider is down or busy is retried before it is failed. */
        @WithDefault("15m")
        Duration retryWindow();

        /** The first retry's wait; each later one doubles it, up to {@link #maxRetryBackoff()}. */
        @WithDefault("5s")
        Duration retryBackoff();

        @WithDefault("5m")
        Duration maxRetryBackoff();

        /**
         * Lets tests move this service's clock through {@code /internal/v1/clock}. Never on in production: there the
         * engine runs on the system clock.
         */
        @WithDefault("false")
        boolean adjustableClock();
    }

    /** Where steps are delivered: an SMTP server for email, a Twilio-shaped HTTP API for SMS. */
    interface Delivery {

        Smtp smtp();

        Sms sms();

        interface Smtp {

            @WithDefault("127.0.0.1")
            String host();

            @WithDefault("3025")
            int port();

            Optional<String> username();

            Optional<String> password();

            /** Require STARTTLS (a real relay); the local server speaks plain SMTP. */
            @WithDefault("false")
            boolean startTls();

            @WithDefault("5s")
            Duration timeout();

            /** The sender of email content that names none. */
            @WithDefault("sequences@localhost")
            String defaultFrom();

            /** The domain of the Message-IDs the engine derives from (enrollment, stage). */
            @WithDefault("sequences.local")
            String messageIdDomain();
        }

        interface Sms {

            /** The provider's API root: {@code https://api.twilio.com} in production. */
            @WithDefault("http://127.0.0.1:9100")
            String baseUrl();

            @WithDefault("AC00000000000000000000000000000000")
            String accountSid();

            @WithDefault("local-auth-token")
            String authToken();

            /** The number SMS steps are sent from (E.164). */
            @WithDefault("+15005550006")
            String fromNumber();

            @WithDefault("5s")
            Duration timeout();
        }
    }
}
