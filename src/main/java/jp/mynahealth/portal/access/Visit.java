package jp.mynahealth.portal.access;

import jp.mynahealth.records.PersonId;

/** Who is looking, through which channel and (for kiosks) which terminal: taken from the login only. */
public record Visit(PersonId person, Channel channel, String terminalId) {
}
