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
}
