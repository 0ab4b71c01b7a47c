package me.wolfeo.sequences.gateway.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * The web dashboard (static files under {@code META-INF/resources}: {@code /}, {@code /index.html},
 * {@code /app/...}) is served without a token: it holds no data, and signs in by calling the REST API with the
 * token the user types. Its answers carry a strict Content-Security-Policy: only the gateway's own scripts, styles,
 * images and API, no inline script or style, no third-party origin, never framed. The API routes are not touched.
 */
@ApplicationScoped
public class DashboardHeaders {

    /** The dashboard's policy; {@code frame-src 'self'} for the sandboxed email preview ({@code srcdoc}). */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        filters.register(this::headers, 10);
    }

    private void headers(RoutingContext context) {
        if (isDashboard(context.normalizedPath())) {
            MultiMap headers = context.response().headers();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            // The page and its modules change with each release: revalidate rather than run a stale copy.
            headers.set("Cache-Control", "no-cache");
        }
        context.next();
    }

    static boolean isDashboard(String path) {
        return path != null && (path.equals("/") || path.equals("/index.html") || path.startsWith("/app/"));
    }
}
