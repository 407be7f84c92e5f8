package jp.mynahealth.signer.card;

/** What a card tells of its PIN counter before the next try, shown beside the card in the list. */
public enum PinState {

    /** No wrong PIN since the last right one, or the card does not say. */
    OK,
    /** A wrong PIN has been given since the last right one. */
    COUNT_LOW,
    /** One more wrong PIN locks the card. */
    FINAL_TRY,
    /** Locked: only the municipal office can unlock it. */
    LOCKED
}
