package jp.mynahealth.portal.apps;

import java.time.Instant;
import java.util.List;

import jp.mynahealth.common.apps.AppScope;

/**
 * A consent in force, as the citizen's list shows it.
 *
 * @param personName whose data the app reads (for a consent given as someone's proxy), else null
 * @param actorName  the proxy who consented for the citizen, else null
 */
public record ConnectedApp(long consentId, String appName, String operator, List<AppScope> scopes, boolean once,
        Instant grantedAt, Instant validUntil, Instant lastReadAt, String personName, String actorName) {
}
