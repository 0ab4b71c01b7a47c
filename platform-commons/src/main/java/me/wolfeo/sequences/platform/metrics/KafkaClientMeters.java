package me.wolfeo.sequences.platform.metrics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.MetricName;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

import me.wolfeo.sequences.platform.Failures;

/**
 * The Kafka clients' meters ({@code kafka.consumer.*}, {@code kafka.producer.*}: fetch and send rates, records lag
 * per topic and partition, ...), for the SmallRye channels' clients (announced as CDI events when they are made) and
 * the platform's own (its producer and the gateway's reply listener). In place of Quarkus' Kafka binder (off in
 * platform-commons' settings), for two things it does not do: every consumer meter carries the consumer's
 * {@value #GROUP} ({@value #NO_GROUP} for the reply listener, which reads by assignment, and for producers), so lag
 * reads by group,
 * topic and partition; and the meters follow the clients' metrics every
 * {@code platform.metrics.kafka-refresh-interval} (Micrometer's default is a minute), so a newly assigned
 * partition's lag shows soon. One scheduler thread serves every client; the meters read the clients' metrics,
 * never the clients' own threads.
 */
@ApplicationScoped
public class KafkaClientMeters {

    public static final String GROUP = "group";
    public static final String NO_GROUP = "none";

    private static final Logger LOG = Logger.getLogger(KafkaClientMeters.class);
    /** SmallRye names a channel's consumer {@code kafka-consumer-<channel>}; a concurrent copy adds {@code $n}. */
    private static final Pattern CHANNEL_CONSUMER = Pattern.compile("kafka-consumer-(.+?)(?:\\$\\d+)?");

    private final MeterRegistry registry;
    private final MetricsConfig config;
    private final Config settings;
    private final Map<Object, KafkaClientMetrics> bound = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;

    public KafkaClientMeters(MeterRegistry registry, MetricsConfig config, Config settings) {
        this.registry = registry;
        this.config = config;
        this.settings = settings;
    }

    public MeterRegistry registry() {
        return registry;
    }

    void channelConsumerCreated(@Observes Consumer<?, ?> consumer) {
        bind(consumer, groupOf(settings, clientId(consumer.metrics())));
    }

    void channelProducerCreated(@Observes Producer<?, ?> producer) {
        bind(producer);
    }

    /** Binds the meters of a consumer of the platform's own, which belongs to this group (or {@link #NO_GROUP}). */
    public void bind(Consumer<?, ?> consumer, String group) {
        register(consumer, () -> new KafkaClientMetrics(consumer, List.of(Tag.of(GROUP, group)), scheduler(),
                config.kafkaRefreshInterval()));
    }

    /**
     * Binds the meters of a producer, with {@value #GROUP} {@value #NO_GROUP}: producers and consumers share some
     * meter names ({@code kafka.app.info.*}), and Prometheus wants the same tag keys on all meters of a name.
     */
    public void bind(Producer<?, ?> producer) {
        register(producer, () -> new KafkaClientMetrics(producer, List.of(Tag.of(GROUP, NO_GROUP)), scheduler(),
                config.kafkaRefreshInterval()));
    }

    /** Unbinds a client's meters, when it is closed. */
    public void unbind(Object client) {
        KafkaClientMetrics metrics = bound.remove(client);
        if (metrics != null) {
            close(metrics);
        }
    }

    private void register(Object client, java.util.function.Supplier<KafkaClientMetrics> binder) {
        try {
            KafkaClientMetrics metrics = binder.get();
            metrics.bindTo(registry);
            KafkaClientMetrics previous = bound.put(client, metrics);
            if (previous != null) {
                close(previous);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Cannot bind the meters of a Kafka client: %s", Failures.describe(e));
        }
    }

    private ScheduledExecutorService scheduler() {
        ScheduledExecutorService current = scheduler;
        if (current == null) {
            synchronized (this) {
                current = scheduler;
                if (current == null) {
                    current = Executors.newSingleThreadScheduledExecutor(task -> {
                        Thread thread = new Thread(task, "kafka-meters");
                        thread.setDaemon(true);
                        return thread;
                    });
                    scheduler = current;
                }
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        bound.values().forEach(KafkaClientMeters::close);
        bound.clear();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private static void close(KafkaClientMetrics metrics) {
        try {
            metrics.close();
        } catch (RuntimeException e) {
            LOG.debugf("Closing a Kafka client's meters: %s", Failures.describe(e));
        }
    }

    private static String clientId(Map<MetricName, ?> metrics) {
        return metrics.keySet().stream().map(name -> name.tags().get("client-id")).filter(id -> id != null)
                .findFirst().orElse(null);
    }

    /** The consumer group of a SmallRye channel's consumer, from the channel's settings; {@value #NO_GROUP} else. */
    static String groupOf(Config config, String clientId) {
        if (clientId == null) {
            return NO_GROUP;
        }
        Matcher channel = CHANNEL_CONSUMER.matcher(clientId);
        if (!channel.matches()) {
            return NO_GROUP;
        }
        return setting(config, "mp.messaging.incoming." + channel.group(1) + ".group.id")
                .or(() -> setting(config, "kafka.group.id"))
                .or(() -> setting(config, "quarkus.application.name"))
                .orElse(NO_GROUP);
    }

    private static Optional<String> setting(Config config, String name) {
        return config.getOptionalValue(name, String.class);
    }
}
