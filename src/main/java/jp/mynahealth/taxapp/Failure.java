package jp.mynahealth.taxapp;

import org.springframework.http.HttpStatus;

/** What went wrong with a fetch, as the citizen is told it: the page's status and its message keys ({@code taxapp.failure.<key>.*}). */
enum Failure {
    /** The citizen did not consent at the idp (error=access_denied). */
    DECLINED(HttpStatus.FORBIDDEN, "declined"),
    /** The idp did not answer, or the authorization failed there for another reason. */
    IDP_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "idp"),
    /** This app has no client secret yet: the idp has not registered it. */
    NOT_REGISTERED(HttpStatus.SERVICE_UNAVAILABLE, "registration"),
    /** The API refused the token (401): expired or the consent ended. */
    API_UNAUTHORIZED(HttpStatus.BAD_GATEWAY, "unauthorized"),
    /** The API refused the scope (403). */
    API_FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden"),
    /** No notice for that year (404). */
    API_NOT_FOUND(HttpStatus.NOT_FOUND, "notfound"),
    /** Too many requests (429). */
    API_BUSY(HttpStatus.TOO_MANY_REQUESTS, "busy"),
    /** The portal failed (5xx, another status, or no answer). */
    PORTAL_UNAVAILABLE(HttpStatus.BAD_GATEWAY, "portal"),
    /** The file's signature or signer did not verify, or its content does not add up: nothing of it is used. */
    SIGNATURE(HttpStatus.BAD_GATEWAY, "signature"),
    /** Back without a token (the session ended, or the page was reloaded after the one fetch). */
    EXPIRED(HttpStatus.BAD_REQUEST, "expired");

    private final HttpStatus status;
    private final String key;

    Failure(HttpStatus status, String key) {
        this.status = status;
        this.key = key;
    }

    HttpStatus status() {
        return status;
    }

    /** Whether trying again may help (a declined consent may be given next time; a file that failed its signature check will not change). */
    boolean retry() {
        return this != SIGNATURE;
    }

    String titleKey() {
        return "taxapp.failure." + key + ".title";
    }

    String textKey() {
        return "taxapp.failure." + key + ".text";
    }
}
