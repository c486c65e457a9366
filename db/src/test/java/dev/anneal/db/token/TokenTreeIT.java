package dev.anneal.db.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anneal.db.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The token tree under concurrency: a token minted while its creator's subtree is being revoked
 * must not survive the revocation. Each test holds one transaction open at the critical point
 * and checks that the other side waits for it, then that the outcome is the safe one.
 */
@SpringBootTest
class TokenTreeIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    static int serial;

    /** Its own threads: the common pool may have a single one on a small machine. */
    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    ApiTokens.TokenRecord token(Long creator) {
        int n = ++serial;
        String hash = "%064x".formatted(n);
        return tokens.create(new ApiTokens.NewToken(
                        Projects.DEFAULT_ID, "t" + n, hash, "anneal_t" + n + "…", false, creator, null))
                .orElseThrow();
    }

    @Test
    void aTokenMintedWhileItsAncestorIsRevokedIsRevokedToo() throws Exception {
        ApiTokens.TokenRecord root = token(null);
        ApiTokens.TokenRecord child = token(root.id());
        CountDownLatch minted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        AtomicReference<ApiTokens.TokenRecord> grandchild = new AtomicReference<>();
        CompletableFuture<Void> minting = CompletableFuture.runAsync(
                () -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                    grandchild.set(token(child.id()));
                    minted.countDown();
                    awaitOrFail(commit);
                }),
                threads);
        assertThat(minted.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<List<Long>> revoking =
                CompletableFuture.supplyAsync(() -> tokens.revokeWithDescendants(root.id()), threads);
        awaitWaitingForTheLockOrDone(revoking);
        assertThat(revoking)
                .as("the revocation waits for the minting transaction")
                .isNotDone();
        commit.countDown();
        minting.get(30, TimeUnit.SECONDS);

        assertThat(revoking.get(30, TimeUnit.SECONDS))
                .containsExactly(root.id(), child.id(), grandchild.get().id());
        assertThat(tokens.find(grandchild.get().id()).orElseThrow().revokedAt()).isNotNull();
    }

    @Test
    void aTokenCannotBeMintedByOneBeingRevoked() throws Exception {
        ApiTokens.TokenRecord root = token(null);
        ApiTokens.TokenRecord child = token(root.id());
        CountDownLatch revoked = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> revoking = CompletableFuture.runAsync(
                () -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                    assertThat(tokens.revokeWithDescendants(root.id())).hasSize(2);
                    revoked.countDown();
                    awaitOrFail(commit);
                }),
                threads);
        assertThat(revoked.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Optional<ApiTokens.TokenRecord>> minting = CompletableFuture.supplyAsync(
                () -> tokens.create(new ApiTokens.NewToken(
                        Projects.DEFAULT_ID, "late", "%064x".formatted(999_999), "x", false, child.id(), null)),
                threads);
        awaitWaitingForTheLockOrDone(minting);
        assertThat(minting).as("the minting waits for the revoking transaction").isNotDone();
        commit.countDown();
        revoking.get(30, TimeUnit.SECONDS);

        assertThat(minting.get(30, TimeUnit.SECONDS))
                .as("its creator is revoked")
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from api_token where name = 'late'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aNewTokenEndsNoLaterThanItsCreatorAndRevocationSkipsOtherBranches() {
        ApiTokens.TokenRecord root = token(null);
        String hash = "%064x".formatted(888_888);
        ApiTokens.TokenRecord limited = tokens.create(new ApiTokens.NewToken(
                        Projects.DEFAULT_ID, "limited", hash, "x", false, root.id(), Duration.ofHours(2)))
                .orElseThrow();
        ApiTokens.TokenRecord inherits = token(limited.id());
        ApiTokens.TokenRecord other = token(root.id());
        assertThat(inherits.expiresAt()).isEqualTo(limited.expiresAt());
        assertThat(tokens.authenticate(hash)).isInstanceOf(ApiTokens.Presented.Live.class);

        jdbc.sql("update api_token set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", limited.id())
                .update();
        assertThat(tokens.authenticate(hash)).isInstanceOf(ApiTokens.Presented.Expired.class);
        assertThat(tokens.create(new ApiTokens.NewToken(
                        Projects.DEFAULT_ID, "after", "%064x".formatted(888_889), "x", false, limited.id(), null)))
                .as("an expired token makes nothing")
                .isEmpty();

        assertThat(tokens.revokeWithDescendants(limited.id())).containsExactly(limited.id(), inherits.id());
        assertThat(tokens.revokeWithDescendants(limited.id())).as("twice").isEmpty();
        assertThat(tokens.authenticate(hash)).isInstanceOf(ApiTokens.Presented.Unknown.class);
        assertThat(tokens.find(other.id()).orElseThrow().revokedAt()).isNull();
        assertThat(tokens.find(root.id()).orElseThrow().revokedAt()).isNull();
    }

    /** Until {@code other} waits for the token-changes advisory lock (or, wrongly, finished without waiting). */
    private void awaitWaitingForTheLockOrDone(CompletableFuture<?> other) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> other.isDone()
                        || jdbc.sql("""
                                        select count(*) from pg_locks
                                        where locktype = 'advisory' and not granted
                                          and (classid::bigint << 32) + objid::bigint = :key
                                        """)
                                        .param("key", ApiTokens.CHANGES_LOCK)
                                        .query(Long.class)
                                        .single()
                                > 0);
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
