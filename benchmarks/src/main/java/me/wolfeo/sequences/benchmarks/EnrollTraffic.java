package me.wolfeo.sequences.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Enroll webhook requests as a busy integration sends them: two accounts, many sequences, mostly contacts seen
 * for the first time, and one in ten a contact enrolled before (answered 400, already enrolled).
 */
final class EnrollTraffic {

    private static final AtomicLong CONTACTS = new AtomicLong();

    private final URI enroll;
    private final List<Tenant> tenants;

    /** An account, its token and its sequences. */
    record Tenant(String token, List<Long> sequences) {
    }

    EnrollTraffic(String gatewayUrl, List<Tenant> tenants) {
        this.enroll = URI.create(gatewayUrl + "/api/v1/webhook/sequence-enroll");
        this.tenants = tenants;
    }

    HttpRequest next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Tenant tenant = tenants.get(random.nextInt(tenants.size()));
        long sequence = tenant.sequences().get(random.nextInt(tenant.sequences().size()));
        long issued = CONTACTS.get();
        boolean repeat = issued > 100 && random.nextInt(10) == 0;
        long contact = repeat ? random.nextLong(1, issued) : CONTACTS.incrementAndGet();
        String body = "{\"api_token\": \"" + tenant.token() + "\", \"sequence_id\": " + sequence
                + ", \"source\": \"hubspot\", \"id\": \"bench-" + contact + "\", \"email\": \"contact" + contact
                + "@example.com\", \"first_name\": \"Bench\", \"last_name\": \"Contact\"}";
        return HttpRequest.newBuilder(enroll).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The body size of a typical request, for the baselines' messages. */
    int typicalBytes() {
        return 260;
    }
}
