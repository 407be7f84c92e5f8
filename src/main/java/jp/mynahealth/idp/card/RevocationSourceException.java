package jp.mynahealth.idp.card;

/** OCSP or the CRL could not give a trustworthy answer (unreachable, unsigned, stale, not for this request). */
final class RevocationSourceException extends RuntimeException {

    RevocationSourceException(String message) {
        super(message);
    }
}
