package jp.mynahealth.idp.card;

import java.time.Instant;

import jp.mynahealth.records.PersonId;

/**
 * What the check of a posted auth token found, kept on its challenge until the browser the
 * challenge was issued to comes for it: the person and the kiosk terminal (null for the citizen's
 * own browser) of a card that passed, or the class of refusal of one that did not.
 */
record CardCheck(PersonId person, String kioskTerminal, LoginFailure failure, Instant checkedAt) {

    static CardCheck passed(PersonId person, String kioskTerminal, Instant at) {
        return new CardCheck(person, kioskTerminal, null, at);
    }

    static CardCheck refused(LoginFailure failure, Instant at) {
        return new CardCheck(null, null, failure, at);
    }
}
