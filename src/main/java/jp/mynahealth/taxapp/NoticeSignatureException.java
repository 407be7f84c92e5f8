package jp.mynahealth.taxapp;

/** The notice's signature does not verify, or its signer is not trusted today: the data is not used. */
final class NoticeSignatureException extends RuntimeException {

    NoticeSignatureException(String message) {
        super(message);
    }

    NoticeSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
