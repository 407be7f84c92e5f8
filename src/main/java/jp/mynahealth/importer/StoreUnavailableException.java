package jp.mynahealth.importer;

/**
 * The read store could not be reached: not the file's fault, so it is neither refused nor moved
 * to rejected/; the inbox tries it again later.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
