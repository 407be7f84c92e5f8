package jp.mynahealth.portal.api.fhir;

/**
 * A search the API refuses: an unknown parameter, a malformed date or count, a cursor that was not
 * handed out for this person and type. The message says what was wrong in words an app developer
 * can act on (the diagnostics of the OperationOutcome) and never echoes personal data.
 */
public class InvalidSearchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidSearchException(String message) {
        super(message);
    }
}
