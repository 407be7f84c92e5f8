package jp.mynahealth.signer.card;

import java.util.List;

/** One way of reaching cards: soft cards in a folder, or PKCS#11 tokens. */
public interface CardBackend {

    /** The cards present now; empty when there is none (no card in the reader). */
    List<Card> cards();
}
