package jp.mynahealth.signer.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Provider;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cards through PKCS#11, with SoftHSM2 tokens standing in for cards in readers, as the signer
 * reaches a real card through OpenSC. Each request lists the cards afresh, as the signer's pages do.
 */
class Pkcs11BackendTest {

    private static final byte[] DATA = "SHA-256(origin) || SHA-256(challenge)".getBytes();
    private static final int ROUNDS = 20;
    private static SoftHsm.Token token;
    private static ExecutorService requests;

    @BeforeAll
    static void tokens() throws Exception {
        token = SoftHsm.token(SoftHsm.CARD);
        requests = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        if (requests != null) {
            requests.shutdownNow();
        }
    }

    private static Pkcs11Backend backend() {
        return new Pkcs11Backend(SoftHsm.LIBRARY, null, "SoftHSM card");
    }

    /** The test's card as one request finds it. */
    private static Card card() {
        return new Cards(List.of(backend())).find(token.cardId()).orElseThrow();
    }

    private static void assertSignedByTheToken(Card.Signed signed) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(token.certificate().getPublicKey());
        verifier.update(DATA);
        assertThat(verifier.verify(signed.signature())).isTrue();
        assertThat(signed.certificate()).isEqualTo(token.certificate());
    }

    @Test
    void theTokenSignsWithTheRightPin() throws Exception {
        Card card = card();
        assertThat(card.label()).isEqualTo("SoftHSM card (myna-card)");
        assertThat(card.pinState()).isEqualTo(PinState.OK);
        assertSignedByTheToken(card.sign(SoftHsm.PIN.toCharArray(), DATA));
    }

    @Test
    void onlyTokensInASlotAreListedEachByItsCertificate() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (String label : List.of(SoftHsm.CARD, SoftHsm.KIOSK, SoftHsm.PAGE, SoftHsm.REMOVED)) {
            tokens.add(SoftHsm.token(label).cardId());
        }
        // SoftHSM always offers one more slot, with a blank token in it: no card there.
        assertThat(backend().cards()).extracting(Card::id).contains(token.cardId()).isSubsetOf(tokens);

        SoftHsm.Token removed = SoftHsm.token(SoftHsm.REMOVED);
        assertThat(backend().cards()).extracting(Card::id).contains(removed.cardId());
        SoftHsm.remove(SoftHsm.REMOVED);
        assertThat(backend().cards()).extracting(Card::id).doesNotContain(removed.cardId()).contains(token.cardId());
    }

    @Test
    void oneWatchedSlotWithoutACardListsNone() {
        assertThat(new Pkcs11Backend(SoftHsm.LIBRARY, 99, "SoftHSM card").cards()).isEmpty();
    }

    @Test
    void aWrongPinCountsOnTheTokenAndShowsBesideTheCard() {
        card().sign(SoftHsm.PIN.toCharArray(), DATA);
        assertThatThrownBy(() -> card().sign("9999".toCharArray(), DATA))
                .isInstanceOfSatisfying(CardException.WrongPin.class, wrong -> assertThat(wrong.triesLeft()).isEqualTo(-1));
        // SoftHSM sets CKF_USER_PIN_COUNT_LOW after a wrong PIN but never locks: FINAL_TRY and LOCKED
        // are covered by TokenPinStateTest.
        assertThat(card().pinState()).isEqualTo(PinState.COUNT_LOW);
        card().sign(SoftHsm.PIN.toCharArray(), DATA);
        assertThat(card().pinState()).isEqualTo(PinState.OK);
    }

    @Test
    void aLoginLeftOpenElsewhereDoesNotSignWithoutThePin() throws Exception {
        card().sign(SoftHsm.PIN.toCharArray(), DATA);
        Provider elsewhere = SoftHsm.loggedIn(token);
        try {
            assertThatThrownBy(() -> card().sign("9999".toCharArray(), DATA)).isInstanceOf(CardException.WrongPin.class);
            assertThat(card().pinState()).as("the wrong PIN reached the token").isEqualTo(PinState.COUNT_LOW);
        } finally {
            SoftHsm.logout(elsewhere);
        }
        assertSignedByTheToken(card().sign(SoftHsm.PIN.toCharArray(), DATA));
    }

    /**
     * Two requests for the same card at once, one with a wrong PIN: in every round the wrong one is
     * refused by the token itself (WrongPin comes only from CKR_PIN_INCORRECT, the token's counted
     * try) and the right one signs.
     */
    @Test
    void concurrentRequestsEachNeedTheirOwnPin() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            CyclicBarrier together = new CyclicBarrier(2);
            Future<Card.Signed> right = requests.submit(() -> {
                Card card = card();
                together.await(10, TimeUnit.SECONDS);
                return card.sign(SoftHsm.PIN.toCharArray(), DATA);
            });
            Future<Card.Signed> wrong = requests.submit(() -> {
                Card card = card();
                together.await(10, TimeUnit.SECONDS);
                return card.sign("9999".toCharArray(), DATA);
            });
            assertThatThrownBy(() -> wrong.get(30, TimeUnit.SECONDS)).as("round %d", round)
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(CardException.WrongPin.class);
            assertSignedByTheToken(right.get(30, TimeUnit.SECONDS));
        }
        card().sign(SoftHsm.PIN.toCharArray(), DATA);
    }
}
