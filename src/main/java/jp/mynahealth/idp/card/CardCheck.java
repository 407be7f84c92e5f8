package jp.mynahealth.idp.card;

import java.time.Instant;

import jp.mynahealth.records.PersonId;

/**
 * What the check of a posted auth token found, kept on its challenge until the browser the
 * challenge was issued to comes for it: the person and the kiosk terminal (null for the citizen's
 * own browser) of a card that passed (and, for a pair login, the second card's person), or the
 * class of refusal of one that did not.
 */
record CardCheck(PersonId person, String kioskTerminal, LoginFailure failure, Instant checkedAt, PersonId secondPerson) {

    static CardCheck passed(PersonId person, String kioskTerminal, Instant at) {
        return new CardCheck(person, kioskTerminal, null, at, null);
    }

    /** A pair login (a parent's card, then a child's, over the same challenge) that passed both checks. */
    static CardCheck passedPair(PersonId person, PersonId second, String kioskTerminal, Instant at) {
        return new CardCheck(person, kioskTerminal, null, at, second);
    }

    static CardCheck refused(LoginFailure failure, Instant at) {
        return new CardCheck(null, null, failure, at, null);
    }
}
