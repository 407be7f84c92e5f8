package jp.mynahealth.signer.card;

/** Why a card did not sign; each has its own message for the citizen. */
public abstract sealed class CardException extends RuntimeException
        permits CardException.WrongPin, CardException.Locked, CardException.Unsupported, CardException.NotFound {

    CardException(String message) {
        super(message);
    }

    /** A wrong PIN; {@code triesLeft} is -1 when the card does not say. */
    public static final class WrongPin extends CardException {
        private final int triesLeft;

        public WrongPin(int triesLeft) {
            super("wrong PIN, " + triesLeft + " tries left");
            this.triesLeft = triesLeft;
        }

        public int triesLeft() {
            return triesLeft;
        }
    }

    public static final class Locked extends CardException {
        public Locked() {
            super("the card's authentication PIN is locked");
        }
    }

    public static final class Unsupported extends CardException {
        public Unsupported(String reason) {
            super("unsupported card: " + reason);
        }
    }

    public static final class NotFound extends CardException {
        public NotFound() {
            super("no such card");
        }
    }
}
