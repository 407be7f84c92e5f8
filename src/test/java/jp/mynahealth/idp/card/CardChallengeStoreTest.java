package jp.mynahealth.idp.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
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
import jp.mynahealth.records.PersonId;
import jp.mynahealth.support.ReadStoreTest;

@ReadStoreTest
class CardChallengeStoreTest {

    private static final PersonId TARO = PersonId.fromSubject("70304382-bb87-4298-9e13-ffc86a5ff41c");

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
    void aChallengeWorksOnce() {
        String challenge = store.issue(store.newBinding());
        assertThatNoException().isThrownBy(() -> store.consume(challenge));
        assertRejected(() -> store.consume(challenge));
    }

    @Test
    void aChallengeOlderThanFiveMinutesIsRefused() {
        String challenge = store.issue(store.newBinding());
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertRejected(() -> store.consume(challenge));
    }

    @Test
    void anUnknownOrMissingChallengeIsRefused() {
        assertRejected(() -> store.consume("never-issued-never-issued-never-issued-xx"));
        assertRejected(() -> store.consume(null));
        assertRejected(() -> store.consume("x".repeat(500)));
    }

    @Test
    void twoSimultaneousUsesOfOneChallengeLetOnlyOneThrough() throws Exception {
        String challenge = store.issue(store.newBinding());
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> attempt = () -> {
            start.await();
            try {
                store.consume(challenge);
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

    @Test
    void theSessionTheChallengeWasIssuedToCollectsTheOutcomeOnceWithARandomHandle() throws Exception {
        String binding = store.newBinding();
        String challenge = store.issue(binding);
        store.consume(challenge);
        String handle = store.record(challenge, CardCheck.passed(TARO, "demo-kiosk-01", clock.instant()));
        assertThat(handle).matches("[A-Za-z0-9_-]{43}");
        assertThat(jdbc.sql("select handle_hash from idp.card_challenge where challenge = :challenge")
                .param("challenge", challenge).query(byte[].class).single())
                .as("only the handle's hash is kept")
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(handle.getBytes(StandardCharsets.US_ASCII)));

        CardCheck check = store.complete(handle, binding);
        assertThat(check.person()).isEqualTo(TARO);
        assertThat(check.kioskTerminal()).isEqualTo("demo-kiosk-01");
        assertThat(check.failure()).isNull();
        assertRejected(() -> store.complete(handle, binding));
    }

    @Test
    void aPairChallengeSaysSoWhenUsedAndKeepsTheSecondCardsPerson() {
        String binding = store.newBinding();
        String challenge = store.issue(binding, "child");
        assertThat(store.consume(challenge)).isEqualTo("child");
        PersonId child = new PersonId(java.util.UUID.fromString("a7408f4f-2fb2-430b-bfe4-3ce7ee22e335"));
        String handle = store.record(challenge, CardCheck.passedPair(TARO, child, null, clock.instant()));
        CardCheck check = store.complete(handle, binding);
        assertThat(check.person()).isEqualTo(TARO);
        assertThat(check.secondPerson()).isEqualTo(child);

        String single = store.issue(binding);
        assertThat(store.consume(single)).as("a one-card login's challenge").isNull();
    }

    @Test
    void aRefusalIsKeptForItsSessionToo() {
        String binding = store.newBinding();
        String challenge = store.issue(binding);
        store.consume(challenge);
        String handle = store.record(challenge, CardCheck.refused(LoginFailure.REVOKED, clock.instant()));
        CardCheck check = store.complete(handle, binding);
        assertThat(check.failure()).isEqualTo(LoginFailure.REVOKED);
        assertThat(check.person()).isNull();
    }

    @Test
    void anotherSessionCannotCollectTheOutcomeAndUsesTheHandleUp() {
        String binding = store.newBinding();
        String challenge = store.issue(binding);
        store.consume(challenge);
        String handle = store.record(challenge, CardCheck.passed(TARO, null, clock.instant()));
        assertRejected(() -> store.complete(handle, store.newBinding()));
        assertRejected(() -> store.complete(handle, null));
        assertRejected(() -> store.complete(handle, binding));
    }

    @Test
    void aHandleOlderThanAMinuteIsRefused() {
        String binding = store.newBinding();
        String challenge = store.issue(binding);
        store.consume(challenge);
        String handle = store.record(challenge, CardCheck.passed(TARO, null, clock.instant()));
        clock.advance(CardChallengeStore.HANDLE_TTL.plusSeconds(1));
        assertRejected(() -> store.complete(handle, binding));
    }

    @Test
    void anUnknownOrMalformedHandleIsRefused() {
        String binding = store.newBinding();
        assertRejected(() -> store.complete("never-given-never-given-never-given-never-g", binding));
        assertRejected(() -> store.complete(null, binding));
        assertRejected(() -> store.complete("x".repeat(500), binding));
    }

    @Test
    void anOutcomeIsRecordedOnlyOnceAndOnlyOnAConsumedChallenge() {
        String challenge = store.issue(store.newBinding());
        CardCheck check = CardCheck.passed(TARO, null, clock.instant());
        assertThatThrownBy(() -> store.record(challenge, check)).isInstanceOf(IllegalStateException.class);
        store.consume(challenge);
        store.record(challenge, check);
        assertThatThrownBy(() -> store.record(challenge, check)).isInstanceOf(IllegalStateException.class);
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
