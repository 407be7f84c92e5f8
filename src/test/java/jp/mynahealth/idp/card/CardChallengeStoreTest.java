package jp.mynahealth.idp.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.idp.IdpProperties;
import jp.mynahealth.support.ReadStoreTest;

@ReadStoreTest
class CardChallengeStoreTest {

    @Autowired
    JdbcClient jdbc;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T01:00:00Z"));
    private CardChallengeStore store;

    @BeforeEach
    void setUp() {
        store = new CardChallengeStore(jdbc, clock, new IdpProperties("http://127.0.0.1:9000", "http://localhost:8080", "s",
                "http://127.0.0.1:18765", Path.of("a"), Path.of("b"), "1.2", Duration.ofMinutes(5), 16384, Duration.ofSeconds(1),
                Duration.ofHours(1), Duration.ofHours(24)));
    }

    @Test
    void aChallengeIs32RandomBytesInBase64Url() {
        String challenge = store.issue(store.newBinding());
        assertThat(challenge).matches("[A-Za-z0-9_-]{43}");
        assertThat(store.issue("x")).isNotEqualTo(challenge);
    }

    @Test
    void aChallengeWorksOnceForItsOwnSession() {
        String binding = store.newBinding();
        String challenge = store.issue(binding);
        assertThatNoException().isThrownBy(() -> store.consume(challenge, binding));
        assertRejected(() -> store.consume(challenge, binding));
    }

    @Test
    void aChallengeOfAnotherSessionIsRefusedAndUsedUp() {
        String binding = store.newBinding();
        String challenge = store.issue(binding);
        assertRejected(() -> store.consume(challenge, store.newBinding()));
        assertRejected(() -> store.consume(challenge, binding));
    }

    @Test
    void aChallengeOlderThanFiveMinutesIsRefused() {
        String binding = store.newBinding();
        String challenge = store.issue(binding);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertRejected(() -> store.consume(challenge, binding));
    }

    @Test
    void anUnknownOrMissingChallengeIsRefused() {
        assertRejected(() -> store.consume("never-issued-never-issued-never-issued-xx", "b"));
        assertRejected(() -> store.consume(null, "b"));
        assertRejected(() -> store.consume("x".repeat(500), "b"));
    }

    @Test
    void twoSimultaneousUsesOfOneChallengeLetOnlyOneThrough() throws Exception {
        String binding = store.newBinding();
        String challenge = store.issue(binding);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> attempt = () -> {
            start.await();
            try {
                store.consume(challenge, binding);
                return true;
            } catch (CardLoginException e) {
                return false;
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = List.of(threads.submit(attempt), threads.submit(attempt));
            start.countDown();
            assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(true, false);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CardLoginException.class,
                e -> assertThat(e.failure()).isEqualTo(LoginFailure.TRY_AGAIN));
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
