package me.wolfeo.sequences.gateway.account;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.gateway.TestAccounts;

/**
 * A checked token is trusted for {@code gateway.tokens.cache-ttl} (3 s in tests) without a database look-up, in a
 * cache of bounded size (10 entries in tests). A token revoked by another gateway instance (here: straight in the
 * database, as that instance would) is therefore still accepted here while trusted, and refused once its time is
 * up; a token revoked through this instance is refused at once. A full cache makes room without forgetting the
 * tokens in use.
 */
@QuarkusTest
class TokenCacheTest {

    /** More distinct tokens than the tests' cache holds. */
    private static final int MANY = 25;

    @Inject
    ApiTokenRepository tokens;

    private void revokeAsAnotherInstanceWould(long tokenId) {
        QuarkusTransaction.requiringNew()
                .run(() -> tokens.update("revokedAt = ?1 where id = ?2", Instant.now(), tokenId));
    }

    private static List<TestAccounts.Created> accounts(int count) {
        List<TestAccounts.Created> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(TestAccounts.create("Crowd " + i));
        }
        return created;
    }

    private static void revokeThroughTheAdminApi(long tokenId) {
        given().header("X-Admin-Key", TestAccounts.ADMIN_KEY)
                .when().delete("/admin/v1/tokens/" + tokenId)
                .then().statusCode(200);
    }

    @Test
    void aTokenInUseStaysTrustedWhileManyOtherTokensFillTheCache() {
        List<TestAccounts.Created> crowd = accounts(MANY);
        TestAccounts.Created regular = TestAccounts.create("Regular");
        for (int i = 0; i < 5; i++) {
            AuthenticationTest.assertAuthenticates(regular.bearer());
        }
        revokeAsAnotherInstanceWould(regular.tokenId());

        // Still trusted after each newcomer: the full cache makes room without dropping it (a look-up in the
        // database would refuse it now).
        for (TestAccounts.Created other : crowd) {
            AuthenticationTest.assertAuthenticates(other.bearer());
            AuthenticationTest.assertAuthenticates(regular.bearer());
        }
    }

    @Test
    void aTokenRevokedElsewhereIsRefusedOnceItsTrustRunsOut() {
        TestAccounts.Created account = TestAccounts.create("Revoked elsewhere");
        AuthenticationTest.assertAuthenticates(account.bearer());
        revokeAsAnotherInstanceWould(account.tokenId());
        AuthenticationTest.assertAuthenticates(account.bearer());

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () -> AuthenticationTest.assertRefused(account.bearer(), "Invalid or revoked API token."));
    }

    @Test
    void withAFullCacheAnEarlyTokenStillWorksAndARevokedOneIsRefusedAtOnce() {
        List<TestAccounts.Created> crowd = accounts(MANY);
        for (TestAccounts.Created account : crowd) {
            AuthenticationTest.assertAuthenticates(account.bearer());
        }
        TestAccounts.Created first = crowd.get(0);
        TestAccounts.Created revoked = crowd.get(1);

        revokeThroughTheAdminApi(revoked.tokenId());

        AuthenticationTest.assertAuthenticates(first.bearer());
        AuthenticationTest.assertRefused(revoked.bearer(), "Invalid or revoked API token.");
        AuthenticationTest.assertRefused(revoked.bearer(), "Invalid or revoked API token.");
    }
}
