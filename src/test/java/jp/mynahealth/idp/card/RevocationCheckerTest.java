package jp.mynahealth.idp.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Revocation against an OCSP and CRL server on loopback whose answers each test sets: which OCSP
 * answers are believed, when the CRL decides instead, and how often the CRL is downloaded.
 */
class RevocationCheckerTest {

    private static final Instant NOW = TestPki.NOW;
    private static final Duration CRL_MAX_AGE = Duration.ofHours(6);

    private static TestPki pki;
    private static TestPki.Card card;
    private static TestPki.Card revokedCard;

    private RevocationChecker checker;

    @BeforeAll
    static void buildPki() throws Exception {
        pki = new TestPki("Revocation Test");
        card = pki.card(TestPki.CardSpec.good());
        revokedCard = pki.card(TestPki.CardSpec.good());
    }

    @AfterAll
    static void stopServers() {
        pki.close();
    }

    @BeforeEach
    void setUp() {
        pki.reset();
        pki.revoked.clear();
        checker = newChecker();
    }

    /** A new checker has an empty CRL cache, as after a restart of the idp. */
    private static RevocationChecker newChecker() {
        return new RevocationChecker(Duration.ofSeconds(2), Duration.ofHours(1), CRL_MAX_AGE);
    }

    private void check(TestPki.Card which, Instant now) {
        checker.check(which.certificate(), pki.issuer, now);
    }

    private static void refused(LoginFailure failure, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CardLoginException.class,
                e -> assertThat(e.failure()).as(e.getMessage()).isEqualTo(failure));
    }

    /** OCSP says good for a card the CRL lists: only if the OCSP answer is not believed is the card refused. */
    private void ocspSaysGoodButTheCrlListsTheCard() {
        pki.ocspClaim = TestPki.OcspClaim.GOOD;
        pki.revoked.add(card.certificate().getSerialNumber());
    }

    @Test
    void aCurrentGoodOcspAnswerWithTheNonceIsEnoughWithoutTheCrl() {
        check(card, NOW);
        assertThat(pki.ocspHits).hasValue(1);
        assertThat(pki.crlHits).hasValue(0);
    }

    @Test
    void anOcspAnswerCarryingAnotherRequestsNonceCountsAsNoAnswerSoTheCrlDecides() {
        pki.ocspNonce = TestPki.Nonce.REPLACE;
        ocspSaysGoodButTheCrlListsTheCard();
        refused(LoginFailure.REVOKED, () -> check(card, NOW));
        assertThat(pki.crlHits).hasValue(1);

        pki.crlUp = false;
        checker = newChecker();
        refused(LoginFailure.UNAVAILABLE, () -> check(card, NOW));
    }

    @Test
    void anOcspAnswerWithoutANonceCountsAsNoAnswerSoTheCrlDecides() {
        pki.ocspNonce = TestPki.Nonce.OMIT;
        ocspSaysGoodButTheCrlListsTheCard();
        refused(LoginFailure.REVOKED, () -> check(card, NOW));
        assertThat(pki.crlHits).hasValue(1);

        pki.crlUp = false;
        checker = newChecker();
        refused(LoginFailure.UNAVAILABLE, () -> check(card, NOW));
    }

    @Test
    void anOcspAnswerPastItsNextUpdateIsNotBelieved() {
        pki.ocspThisUpdate = NOW.minus(Duration.ofMinutes(50));
        pki.ocspNextUpdate = NOW.minus(Duration.ofMinutes(10));
        ocspSaysGoodButTheCrlListsTheCard();
        refused(LoginFailure.REVOKED, () -> check(card, NOW));
    }

    @Test
    void anOcspAnswerMadeLongAgoIsNotBelievedEvenIfItsNextUpdateIsAhead() {
        pki.ocspThisUpdate = NOW.minus(Duration.ofDays(2));
        pki.ocspNextUpdate = NOW.plus(Duration.ofDays(1));
        ocspSaysGoodButTheCrlListsTheCard();
        refused(LoginFailure.REVOKED, () -> check(card, NOW));
    }

    @Test
    void anOcspAnswerWithinItsMaximumAgeIsBelieved() {
        pki.ocspThisUpdate = NOW.minus(Duration.ofMinutes(50));
        pki.ocspNextUpdate = null;
        check(card, NOW);
        assertThat(pki.crlHits).hasValue(0);
    }

    @Test
    void aCertificateTheIssuersResponderDoesNotKnowIsRefusedAndNotPassedOnToTheCrl() {
        pki.ocspClaim = TestPki.OcspClaim.UNKNOWN;
        refused(LoginFailure.INVALID_CARD, () -> check(card, NOW));
        assertThat(pki.crlHits).as("the CRL cannot vouch for a certificate its issuer does not know").hasValue(0);
    }

    @Test
    void duringAnOcspOutageTheCrlIsDownloadedOnceForManyLogins() {
        pki.ocspUp = false;
        pki.revoked.add(revokedCard.certificate().getSerialNumber());
        for (int login = 0; login < 50; login++) {
            Instant now = NOW.plus(Duration.ofMinutes(login));
            check(card, now);
            refused(LoginFailure.REVOKED, () -> check(revokedCard, now));
        }
        assertThat(pki.ocspHits).as("OCSP is still asked first each time").hasValue(100);
        assertThat(pki.crlHits).hasValue(1);
    }

    @Test
    void loginsThatNeedTheCrlWhileItIsDownloadingWaitForThatOneDownload() throws Exception {
        pki.ocspUp = false;
        pki.crlDelay = Duration.ofMillis(500);
        int logins = 8;
        ExecutorService pool = Executors.newFixedThreadPool(logins);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < logins; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    check(card, NOW);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(pki.crlHits).hasValue(1);
    }

    @Test
    void aCrlIsKeptUntilItsNextUpdateAndDownloadedAgainAfter() {
        pki.ocspUp = false;
        check(card, NOW);
        pki.revoked.add(card.certificate().getSerialNumber());
        // The price of any CRL: a revocation published before its nextUpdate is seen at the next one.
        check(card, NOW.plus(Duration.ofHours(23)));
        assertThat(pki.crlHits).hasValue(1);

        pki.crlThisUpdate = NOW.plus(Duration.ofDays(1));
        refused(LoginFailure.REVOKED, () -> check(card, NOW.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1))));
        assertThat(pki.crlHits).hasValue(2);
    }

    @Test
    void aCrlWithoutNextUpdateIsKeptForTheConfiguredMaximumAge() {
        pki.ocspUp = false;
        pki.crlValidity = null;
        check(card, NOW);
        check(card, NOW.plus(CRL_MAX_AGE).minus(Duration.ofMinutes(1)));
        assertThat(pki.crlHits).hasValue(1);

        pki.crlThisUpdate = NOW.plus(CRL_MAX_AGE);
        check(card, NOW.plus(CRL_MAX_AGE).plus(Duration.ofMinutes(1)));
        assertThat(pki.crlHits).hasValue(2);
    }

    @Test
    void anExpiredCrlIsNotUsedWhenNoNewOneCanBeDownloaded() {
        pki.ocspUp = false;
        check(card, NOW);
        pki.crlUp = false;
        refused(LoginFailure.UNAVAILABLE, () -> check(card, NOW.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(10))));
    }

    @Test
    void aCrlThatDoesNotVerifyAgainstTheIssuerIsNeitherUsedNorKept() {
        pki.ocspUp = false;
        pki.crlSignerOverride = TestPki.keys(2048);
        refused(LoginFailure.UNAVAILABLE, () -> check(card, NOW));

        pki.crlSignerOverride = null;
        check(card, NOW);
        check(card, NOW);
        assertThat(pki.crlHits).hasValue(2);
    }

    @Test
    void aCrlDatedInTheFutureIsNeitherUsedNorKept() {
        pki.ocspUp = false;
        pki.crlThisUpdate = NOW.plus(Duration.ofHours(1));
        refused(LoginFailure.UNAVAILABLE, () -> check(card, NOW));

        pki.crlThisUpdate = NOW;
        check(card, NOW);
        check(card, NOW);
        assertThat(pki.crlHits).hasValue(2);
    }

    @Test
    void aFailedDownloadIsNotKeptAndTheNextLoginTriesAgain() {
        pki.ocspUp = false;
        pki.crlUp = false;
        refused(LoginFailure.UNAVAILABLE, () -> check(card, NOW));

        pki.crlUp = true;
        check(card, NOW);
        assertThat(pki.crlHits).hasValue(2);
    }
}
