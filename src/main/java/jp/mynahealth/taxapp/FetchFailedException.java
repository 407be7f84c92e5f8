package jp.mynahealth.taxapp;

/** A fetch that cannot go on; {@link #failure()} says how the citizen is told. */
final class FetchFailedException extends RuntimeException {

    private final Failure failure;

    FetchFailedException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    FetchFailedException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    Failure failure() {
        return failure;
    }
}
