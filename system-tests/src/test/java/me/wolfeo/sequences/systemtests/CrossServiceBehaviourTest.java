package me.wolfeo.sequences.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/** What the services do together, through their events: read-your-writes, races, cascades. */
class CrossServiceBehaviourTest {

    private Platform.Account account;

    @BeforeEach
    void newAccount() {
        account = Platform.newAccount("Together");
    }

    @Test
    void whatAClientJustCreatedCanBeUsedAtOnce() {
        for (int round = 0; round < 10; round++) {
            long sequenceId = Fixtures.sequence(account, "Fresh " + round);
            long stageId = Fixtures.stage(account, sequenceId, "send_email");
            Fixtures.content(account, stageId, "<p>Round " + round + "</p>");
            assertThat(Fixtures.enrollHubspot(account, sequenceId, "fresh-" + round, false)).isEqualTo(200);
        }
    }

    @Test
    void twentyParallelEnrollmentsOfOneNewContactMakeOneEnrollmentAndOneContact() {
        long sequenceId = Fixtures.sequence(account, "Crowded");
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<Integer>> statuses = IntStream.range(0, 20)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> Fixtures.enrollHubspot(account, sequenceId, "crowd-1", false), clients))
                    .toList();

            Map<Integer, Long> counted = statuses.stream().map(CompletableFuture::join)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 400, 19L));
        } finally {
            clients.shutdownNow();
        }
        Platform.as(account).queryParam("sequence_id", sequenceId).when().get("/v1/sequences-contacts")
                .then().statusCode(200).body("meta.total", equalTo(1));
    }

    @Test
    void deletingASequenceDeletesItsStagesEmailHtmlAndEndsItsEnrollments() throws Exception {
        long sequenceId = Fixtures.sequence(account, "Cascade");
        long stageId = Fixtures.stage(account, sequenceId, "send_email");
        String path = Fixtures.content(account, stageId, "<p>Soon gone</p>");
        assertThat(Fixtures.enrollHubspot(account, sequenceId, "cascade-1", false)).isEqualTo(200);
        long contactId = ((Number) Platform.as(account).queryParam("sequence_id", sequenceId)
                .when().get("/v1/sequences-contacts").then().extract().path("data[0].id")).longValue();

        Platform.as(account).contentType(ContentType.JSON).body("{\"sequence_id\": " + sequenceId + "}")
                .when().delete("/v1/sequence").then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> status(path) == 404);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Platform.as(account)
                .queryParam("contact_id", contactId).when().get("/v1/contacts-sequences")
                .then().statusCode(200).body("data", empty()));
        Platform.as(account).queryParam("sequence_id", sequenceId).when().get("/v1/sequences-contacts")
                .then().statusCode(404);
        Platform.as(account).contentType(ContentType.JSON).body("{\"stage_id\": " + stageId + "}")
                .when().delete("/v1/sequence-stage").then().statusCode(404);
        assertThat(Fixtures.enrollHubspot(account, sequenceId, "cascade-2", false)).isEqualTo(404);
    }

    @Test
    void deletingAnEmailStageDeletesItsHtml() throws Exception {
        long stageId = Fixtures.stage(account, Fixtures.sequence(account, "One stage"), "send_email");
        String path = Fixtures.content(account, stageId, "<p>Gone with its stage</p>");
        assertThat(status(path)).isEqualTo(200);

        Platform.as(account).contentType(ContentType.JSON).body("{\"stage_id\": " + stageId + "}")
                .when().delete("/v1/sequence-stage").then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> status(path) == 404);
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
