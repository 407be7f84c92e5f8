package jp.mynahealth.idp.card;

import org.springframework.security.core.AuthenticationException;

/** A refused card login: which class of failure the citizen sees, and the reason for the log. */
public class CardLoginException extends AuthenticationException {

    private final LoginFailure failure;

    public CardLoginException(LoginFailure failure, String reason) {
        super(reason);
        this.failure = failure;
    }

    public CardLoginException(LoginFailure failure, String reason, Throwable cause) {
        super(reason, cause);
        this.failure = failure;
    }

    public LoginFailure failure() {
        return failure;
    }

    /**
     * A refusal already logged with its reason where the card was checked (the cross-site POST),
     * now shown to the browser the challenge was issued to.
     */
    public static final class Shown extends CardLoginException {

        public Shown(LoginFailure failure) {
            super(failure, "refused when the card was checked (the reason is logged there); shown to its browser now");
        }
    }
}
