package me.wolfeo.sequences.systemtests;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import me.wolfeo.sequences.local.testing.RawHttp;
import me.wolfeo.sequences.systemtests.HostileRequest.Verdict;

/**
 * Sends hostile requests to the gateway one at a time and keeps every problem found: a 5xx, no answer, a request
 * the rules refuse that was accepted, a refusal outside the endpoint's dialect, a rate limit (which would hide
 * what is tested), another account's id answered differently from a missing one.
 */
final class HostileSweep {

    private static final int EXCERPT = 240;

    private final RawHttp gateway = new RawHttp(URI.create(Platform.get().gatewayUrl()).getPort());
    private final List<String> problems = new ArrayList<>();
    private int sent;

    /** How one endpoint fared. */
    record Tally(int requests, int serverErrors, int refused, int accepted) {

        String line(String endpoint) {
            return "[hostile] %s: %d requests, %d 5xx, %d refused, %d accepted".formatted(endpoint, requests,
                    serverErrors, refused, accepted);
        }
    }

    Tally send(Endpoint endpoint, List<HostileRequest> requests) {
        int serverErrors = 0;
        int refused = 0;
        int accepted = 0;
        for (HostileRequest request : requests) {
            Optional<RawHttp.Response> answer = answer(endpoint, request);
            if (answer.isEmpty()) {
                serverErrors++;
                continue;
            }
            int status = answer.get().status();
            if (status >= 500) {
                serverErrors++;
            } else if (status >= 400) {
                refused++;
            } else {
                accepted++;
            }
        }
        return new Tally(requests.size(), serverErrors, refused, accepted);
    }

    /**
     * Requests that the HTTP server's decoder refuses before any route runs (a header value holding a C0 control
     * character or DEL, as the README says): each must be a 400, and nothing else.
     */
    Tally sendRefusedByTheServer(Endpoint endpoint, List<HostileRequest> requests) {
        for (HostileRequest request : requests) {
            sent++;
            try {
                RawHttp.Response answer = gateway.request(request.method() + " " + request.target() + " HTTP/1.1",
                        request.headers(), request.body());
                if (answer.status() != 400) {
                    problems.add(endpoint.name() + " | " + request.label() + " | " + answer.status() + " "
                            + excerpt(answer.body()) + " (the server's own refusal is a 400)");
                }
            } catch (IOException e) {
                problems.add(endpoint.name() + " | " + request.label() + " | no answer: " + e.getMessage());
            }
        }
        return new Tally(requests.size(), 0, requests.size(), 0);
    }

    /** Both must be refused, in the dialect, with the same status and the same body. */
    void compare(Endpoint endpoint, Endpoint.ForeignIdPair pair) {
        Optional<RawHttp.Response> foreign = answer(endpoint, pair.foreign());
        Optional<RawHttp.Response> missing = answer(endpoint, pair.missing());
        if (foreign.isPresent() && missing.isPresent() && (foreign.get().status() != missing.get().status()
                || !foreign.get().body().equals(missing.get().body()))) {
            problems.add("%s | %s answers %d %s, but an id nobody has answers %d %s".formatted(endpoint.name(),
                    pair.foreign().label(), foreign.get().status(), excerpt(foreign.get().body()),
                    missing.get().status(), excerpt(missing.get().body())));
        }
    }

    List<String> problems() {
        return problems;
    }

    int requestsSent() {
        return sent;
    }

    /** The answer, with its problems recorded; empty when there was none. */
    private Optional<RawHttp.Response> answer(Endpoint endpoint, HostileRequest request) {
        sent++;
        RawHttp.Response answer;
        try {
            answer = gateway.request(request.method() + " " + request.target() + " HTTP/1.1", request.headers(),
                    request.body());
        } catch (IOException e) {
            problems.add(endpoint.name() + " | " + request.label() + " | no answer: " + e.getMessage());
            return Optional.empty();
        }
        int status = answer.status();
        String what = endpoint.name() + " | " + request.label() + " | " + status + " " + excerpt(answer.body());
        if (status >= 500) {
            problems.add(what);
        } else if (status == 429) {
            problems.add(what + " (rate limited: the sweep's account should not be)");
        } else if (status < 400 && request.verdict() == Verdict.MUST_REFUSE) {
            problems.add(what + " (accepted, but the rules refuse it)");
        } else if (status >= 400) {
            Refusals.offDialect(endpoint.dialect(), answer)
                    .ifPresent(reason -> problems.add(what + " (not a refusal in the dialect: " + reason + ")"));
        }
        return Optional.of(answer);
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "...";
    }
}
