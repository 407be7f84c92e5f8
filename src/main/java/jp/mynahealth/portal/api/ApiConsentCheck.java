package jp.mynahealth.portal.api;

import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.records.PersonId;

/**
 * Turns a valid access token into the caller, or refuses it (401): a token must name a consent
 * ({@code cid}; the portal's own login tokens name none), and that consent must be the subject's and
 * in force now. What the caller may read is what both the token and the consent allow.
 */
class ApiConsentCheck implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Logger log = LoggerFactory.getLogger(ApiConsentCheck.class);

    private final ApiConsents consents;

    ApiConsentCheck(ApiConsents consents) {
        this.consents = consents;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String consentId = jwt.getClaimAsString("cid");
        PersonId person;
        long consent;
        try {
            person = PersonId.fromSubject(jwt.getSubject());
            consent = Long.parseLong(consentId);
        } catch (RuntimeException notAnAppToken) {
            log.warn("API call refused: a token without a consent (client {})", jwt.getAudience());
            throw new InvalidBearerTokenException("The access token was not issued to an app");
        }
        ApiCaller caller = consents.inForce(consent, person).orElseThrow(() -> {
            log.warn("API call refused: consent {} is no longer in force", consent);
            return new InvalidBearerTokenException("The citizen's consent has ended");
        });
        Set<AppScope> granted = EnumSet.noneOf(AppScope.class);
        for (String code : scopes(jwt.getClaims().get("scope"))) {
            AppScope.of(code).filter(caller.scopes()::contains).ifPresent(granted::add);
        }
        return new ApiAuthentication(new ApiCaller(caller.person(), caller.actor(), caller.appId(), caller.appName(), granted,
                caller.consentId()), jwt);
    }

    /** The scope claim: a JSON array as the idp writes it, or a space-separated string as RFC 9068 allows. */
    private static java.util.List<String> scopes(Object claim) {
        if (claim instanceof java.util.Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim instanceof String text ? java.util.List.of(text.trim().split("\\s+")) : java.util.List.of();
    }
}
