package me.wolfeo.sequences.gateway.api;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import me.wolfeo.sequences.gateway.GatewayConfig;

/**
 * Reads a request body (every resource takes it as {@code byte[]}) and stops at
 * {@code gateway.limits.max-request-bytes}: a longer body is refused with 413 in the dialect of its path as soon
 * as it passes the limit. This is what counts a body sent without its size (chunked); one that declares a size
 * over the limit is refused before it is read ({@link HttpRefusals}). Either way the HTTP server's own, higher
 * stop ({@code quarkus.http.limits.max-body-size}), which answers with an empty 413, is never reached.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
@Consumes(MediaType.WILDCARD)
@Priority(Priorities.USER)
public class LimitedBodyReader implements MessageBodyReader<byte[]> {

    private final int maxRequestBytes;

    public LimitedBodyReader(GatewayConfig config) {
        this.maxRequestBytes = config.limits().maxRequestBytes();
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == byte[].class;
    }

    @Override
    public byte[] readFrom(Class<byte[]> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] body = entityStream.readNBytes(maxRequestBytes + 1);
        if (body.length > maxRequestBytes) {
            throw ApiException.payloadTooLarge(maxRequestBytes);
        }
        return body;
    }
}
