package me.wolfeo.sequences.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * The trace context of the platform's Kafka records: W3C {@code traceparent} (and {@code tracestate}) headers
 * written with the OpenTelemetry propagators when a record is made (a request, a reply, an outbox row), and read
 * back by the consumer, whose processing span continues the trace of the message that caused it.
 */
@ApplicationScoped
public class MessageTracing {

    /** The W3C trace context header. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapSetter<Headers> KAFKA_SETTER = (headers, name, value) -> {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    };
    private static final TextMapSetter<Map<String, String>> MAP_SETTER = Map::put;
    private static final TextMapGetter<Headers> KAFKA_GETTER = new TextMapGetter<>() {

        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String name) {
            Header header = headers == null ? null : headers.lastHeader(name);
            return header == null || header.value() == null
                    ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final TextMapPropagator propagator;
    private final Tracer tracer;

    /**
     * Without the OpenTelemetry extension (content-service: the Amazon extension's OpenTelemetry support is not
     * available in version 3.15.1) the records carry no trace context and nothing is traced.
     */
    public MessageTracing(Instance<OpenTelemetry> openTelemetries) {
        OpenTelemetry openTelemetry = openTelemetries.isResolvable() ? openTelemetries.get() : OpenTelemetry.noop();
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.tracer = openTelemetry.getTracer("me.wolfeo.sequences.platform.messaging");
    }

    /** Adds the current trace context to a record's headers, unless they already carry one (an outbox row's). */
    public void inject(Headers headers) {
        if (headers.lastHeader(TRACEPARENT) == null) {
            propagator.inject(Context.current(), headers, KAFKA_SETTER);
        }
    }

    /** Adds the current trace context to the headers of a message written now and sent later (the outbox). */
    public void inject(Map<String, String> headers) {
        if (!headers.containsKey(TRACEPARENT)) {
            propagator.inject(Context.current(), headers, MAP_SETTER);
        }
    }

    /**
     * Starts the span of one consumed record's processing (kind CONSUMER, "{@code <topic> process}"), the child of
     * the context its headers carry. Not made current: the caller makes it current around the record's own work.
     */
    public Span startProcessing(ConsumerRecord<?, ?> record, String consumer) {
        Context parent = propagator.extract(Context.root(), record.headers(), KAFKA_GETTER);
        return messagingSpan(record.topic() + " process", record.topic(), consumer)
                .setParent(parent)
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
    }

    /**
     * Starts the span of a batch's shared work (looking up and recording the processed ids, committing), linked to
     * the spans of its records; made current by the caller around that work.
     */
    public Span startBatch(String topic, String consumer, List<Span> records) {
        SpanBuilder builder = messagingSpan(topic + " process batch", topic, consumer)
                .setNoParent()
                .setAttribute("messaging.batch.message_count", (long) records.size());
        records.forEach(span -> builder.addLink(span.getSpanContext()));
        return builder.startSpan();
    }

    private SpanBuilder messagingSpan(String name, String topic, String consumer) {
        return tracer.spanBuilder(name)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.operation.name", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.consumer.group.name", consumer);
    }
}
