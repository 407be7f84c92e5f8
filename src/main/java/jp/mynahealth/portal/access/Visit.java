package jp.mynahealth.portal.access;

import jp.mynahealth.records.PersonId;

/**
 * Whose data is looked at ({@code person}), by whom ({@code actor}: the person themself, or a proxy
 * acting for them), through which channel and (for kiosks) which terminal: taken from the login and
 * the live proxy grant only, never from a request parameter.
 */
public record Visit(PersonId person, Channel channel, String terminalId, PersonId actor) {

    /** The person acting for themself. */
    public Visit(PersonId person, Channel channel, String terminalId) {
        this(person, channel, terminalId, person);
    }

    /** The same login acting for {@code principal}. */
    public Visit actingFor(PersonId principal) {
        return new Visit(principal, channel, terminalId, actor);
    }

    public boolean byProxy() {
        return !actor.equals(person);
    }
}
