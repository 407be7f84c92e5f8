package jp.mynahealth.idp.apps;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.records.PersonId;

/**
 * A citizen's consent to an app (idp.app_consent), as the Authorization Server checks it before each
 * token: {@code inForce} is worked out by the database at the time of the read (not ended, before
 * its day, the app not retired, and a proxy's grant still live).
 *
 * @param actor the proxy who consented for {@code person}, when one did
 */
public record Consent(long consentId, PersonId person, Optional<PersonId> actor, String appId, Set<AppScope> scopes,
        boolean once, Instant validUntil, boolean inForce) {
}
