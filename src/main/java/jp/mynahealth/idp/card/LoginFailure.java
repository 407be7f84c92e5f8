package jp.mynahealth.idp.card;

import org.springframework.http.HttpStatus;

/**
 * The classes of failed card logins the citizen is told about, each with its own page text and
 * HTTP status. The log line carries the precise reason; the page never does.
 */
public enum LoginFailure {
    TRY_AGAIN(HttpStatus.BAD_REQUEST, "try-again"),
    WRONG_SITE(HttpStatus.BAD_REQUEST, "wrong-site"),
    INVALID_CARD(HttpStatus.FORBIDDEN, "invalid-card"),
    EXPIRED(HttpStatus.FORBIDDEN, "expired"),
    REVOKED(HttpStatus.FORBIDDEN, "revoked"),
    NOT_LINKED(HttpStatus.FORBIDDEN, "not-linked"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable");

    private final HttpStatus status;
    private final String key;

    LoginFailure(HttpStatus status, String key) {
        this.status = status;
        this.key = key;
    }

    public HttpStatus status() {
        return status;
    }

    /** The message keys are {@code idp.failure.<key>.title} and {@code .text}. */
    public String key() {
        return key;
    }
}
