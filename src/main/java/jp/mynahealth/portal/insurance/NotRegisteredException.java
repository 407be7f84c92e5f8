package jp.mynahealth.portal.insurance;

/** A cancellation was asked for by someone with no active registration. */
class NotRegisteredException extends RuntimeException {

    NotRegisteredException() {
        super("no active card-use registration to cancel");
    }
}
