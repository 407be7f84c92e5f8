package jp.mynahealth.portal.api;

import java.util.Set;

import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.portal.access.Channel;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.PersonId;

/**
 * Who calls the API: an app, on a consent in force, for the person whose data it reads. Made from
 * the access token and the consent it names (checked on every call), never from a parameter.
 *
 * @param person  whose data the app reads
 * @param actor   the proxy who consented for {@code person}, or {@code person} themself
 * @param scopes  what the consent allows (what the citizen ticked)
 */
public record ApiCaller(PersonId person, PersonId actor, String appId, String appName, Set<AppScope> scopes,
        long consentId) {

    public ApiCaller {
        scopes = Set.copyOf(scopes);
    }

    /** For the access log: the app's reads are the person's history, channel api, the app named. */
    public Visit visit() {
        return new Visit(person, Channel.API, appId, actor);
    }

    /** Refuses (403) a call for data the consent does not cover. */
    public void require(AppScope scope) {
        if (!scopes.contains(scope)) {
            throw new MissingScopeException(scope);
        }
    }
}
