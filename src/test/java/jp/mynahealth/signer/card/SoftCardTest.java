package jp.mynahealth.signer.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftCardTest {

    private static final byte[] DATA = new byte[64];

    @TempDir
    Path folder;

    private X509Certificate certificate;

    @BeforeEach
    void issue() throws Exception {
        certificate = TestCards.write(folder, "taro", "1234", "auth", "Test Taro");
    }

    private Card card() {
        // A new back-end each time: what a signer restart would read.
        return new SoftCardBackend(folder).cards().get(0);
    }

    @Test
    void theRightPinSignsWithTheCardsKey() throws Exception {
        Card.Signed signed = card().sign("1234".toCharArray(), DATA);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(DATA);
        assertThat(verifier.verify(signed.signature())).isTrue();
        assertThat(signed.certificate()).isEqualTo(certificate);
        assertThat(card().label()).isEqualTo("Test Taro");
    }

    @Test
    void threeWrongPinsInARowLockTheCardForGoodAcrossRestarts() {
        assertThatThrownBy(() -> card().sign("0000".toCharArray(), DATA))
                .isInstanceOfSatisfying(CardException.WrongPin.class, e -> assertThat(e.triesLeft()).isEqualTo(2));
        assertThatThrownBy(() -> card().sign("0001".toCharArray(), DATA))
                .isInstanceOfSatisfying(CardException.WrongPin.class, e -> assertThat(e.triesLeft()).isEqualTo(1));
        assertThatThrownBy(() -> card().sign("0002".toCharArray(), DATA)).isInstanceOf(CardException.Locked.class);
        assertThat(card().locked()).isTrue();
        assertThatThrownBy(() -> card().sign("1234".toCharArray(), DATA)).isInstanceOf(CardException.Locked.class);
    }

    @Test
    void theCounterShowsBesideTheCardBeforeTheNextTry() {
        List<PinState> seen = new ArrayList<>(List.of(card().pinState()));
        for (String pin : List.of("0000", "0001", "0002")) {
            assertThatThrownBy(() -> card().sign(pin.toCharArray(), DATA)).isInstanceOf(CardException.class);
            seen.add(card().pinState());
        }
        assertThat(seen).containsExactly(PinState.OK, PinState.COUNT_LOW, PinState.FINAL_TRY, PinState.LOCKED);
    }

    @Test
    void aRightPinResetsTheCount() {
        assertThatThrownBy(() -> card().sign("0000".toCharArray(), DATA)).isInstanceOf(CardException.WrongPin.class);
        assertThatThrownBy(() -> card().sign("0000".toCharArray(), DATA)).isInstanceOf(CardException.WrongPin.class);
        card().sign("1234".toCharArray(), DATA);
        assertThatThrownBy(() -> card().sign("0000".toCharArray(), DATA))
                .isInstanceOfSatisfying(CardException.WrongPin.class, e -> assertThat(e.triesLeft()).isEqualTo(2));
    }

    @Test
    void aCardWithoutAnAuthenticationKeyIsUnsupported() throws Exception {
        TestCards.write(folder, "zz-other", "1234", "signature", "Other");
        Card other = new SoftCardBackend(folder).cards().stream().filter(c -> c.id().equals("zz-other")).findFirst().orElseThrow();
        assertThatThrownBy(() -> other.sign("1234".toCharArray(), DATA)).isInstanceOf(CardException.Unsupported.class);
    }

    @Test
    void anEmptyOrMissingFolderHasNoCards() {
        assertThat(new SoftCardBackend(folder.resolve("none")).cards()).isEmpty();
    }
}
