package jp.mynahealth.signer.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A token's PIN flags, as a card's state and as the outcome of a wrong PIN. At unit level because
 * SoftHSM2 only ever sets CKF_USER_PIN_COUNT_LOW: it neither counts down to a final try nor locks.
 */
class TokenPinStateTest {

    private static PinState state(long flags) {
        return new Cryptoki.Token(1, "card", Cryptoki.CKF_TOKEN_INITIALIZED | flags, List.of()).pinState();
    }

    @Test
    void theTokensPinFlagsGiveTheCardsState() {
        assertThat(state(0)).isEqualTo(PinState.OK);
        assertThat(state(Cryptoki.CKF_USER_PIN_COUNT_LOW)).isEqualTo(PinState.COUNT_LOW);
        assertThat(state(Cryptoki.CKF_USER_PIN_COUNT_LOW | Cryptoki.CKF_USER_PIN_FINAL_TRY)).isEqualTo(PinState.FINAL_TRY);
        assertThat(state(Cryptoki.CKF_USER_PIN_FINAL_TRY)).isEqualTo(PinState.FINAL_TRY);
        assertThat(state(Cryptoki.CKF_USER_PIN_LOCKED | Cryptoki.CKF_USER_PIN_COUNT_LOW)).isEqualTo(PinState.LOCKED);
    }

    @Test
    void aWrongPinSaysWhatTheTokenSaysAfterIt() {
        assertThat(Pkcs11Backend.wrongPin(PinState.COUNT_LOW))
                .isInstanceOfSatisfying(CardException.WrongPin.class, wrong -> assertThat(wrong.triesLeft()).isEqualTo(-1));
        assertThat(Pkcs11Backend.wrongPin(PinState.FINAL_TRY))
                .isInstanceOfSatisfying(CardException.WrongPin.class, wrong -> assertThat(wrong.triesLeft()).isEqualTo(1));
        assertThat(Pkcs11Backend.wrongPin(PinState.LOCKED)).isInstanceOf(CardException.Locked.class);
    }
}
