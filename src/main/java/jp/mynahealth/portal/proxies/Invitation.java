package jp.mynahealth.portal.proxies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import jp.mynahealth.records.PersonId;

/** An open invitation: who offers to be represented, for which data, until when, and until when the code works. */
public record Invitation(long invitationId, PersonId principal, String principalName, Set<ProxyScope> scopes,
        LocalDate grantUntil, Instant expiresAt) {
}
