package jp.mynahealth.idp.apps;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.records.PersonId;

/**
 * Records what the citizen chose on the consent page, as the Authorization Server accepts it: for
 * whom (themself, or someone they are a proxy for, within the grant), which data (the ticked kinds),
 * and for how long ({@code duration}: once, or 30 or 90 days). Anything the page could not have
 * offered is refused, not trimmed: a form that asks more than was shown was not made by the page.
 */
public class ConsentRecorder implements Consumer<OAuth2AuthorizationConsentAuthenticationContext> {

    public static final String DURATION = "duration";
    public static final String SUBJECT = "subject";
    public static final String ONCE = "once";
    /** The periods offered, in days; no consent lasts longer than 90 days. */
    public static final Set<String> PERIODS = Set.of("30", "90");

    private static final Logger log = LoggerFactory.getLogger(ConsentRecorder.class);

    private final AppClients clients;
    private final ConsentSubjects subjects;
    private final Consents consents;

    public ConsentRecorder(AppClients clients, ConsentSubjects subjects, Consents consents) {
        this.clients = clients;
        this.subjects = subjects;
        this.consents = consents;
    }

    @Override
    public void accept(OAuth2AuthorizationConsentAuthenticationContext context) {
        RegisteredClient client = context.getRegisteredClient();
        if (clients.isPortal(client)) {
            return;
        }
        Set<GrantedAuthority> authorities = new HashSet<>();
        context.getAuthorizationConsent().authorities(authorities::addAll);
        Set<AppScope> scopes = EnumSet.noneOf(AppScope.class);
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (name.startsWith("SCOPE_")) {
                scopes.add(AppScope.of(name.substring("SCOPE_".length())).orElseThrow(() -> refused("unknown scope")));
            }
        }
        if (scopes.isEmpty()) {
            return; // Nothing ticked, or 「連携しない」: the Authorization Server answers the app access_denied.
        }
        OAuth2AuthorizationConsentAuthenticationToken form = context.getAuthentication();
        PersonId loggedIn = PersonId.fromSubject(((org.springframework.security.core.Authentication) form.getPrincipal()).getName());
        Object asked = form.getAdditionalParameters().getOrDefault(SUBJECT, loggedIn.toString());
        ConsentSubjects.Subject subject = subjects.find(loggedIn, String.valueOf(asked))
                .orElseThrow(() -> refused("not a person the citizen may consent for"));
        if (!subject.allowed().containsAll(scopes)) {
            throw refused("a kind of data outside the proxy's grant");
        }
        String duration = String.valueOf(form.getAdditionalParameters().getOrDefault(DURATION, ONCE));
        Optional<Integer> days;
        if (ONCE.equals(duration)) {
            days = Optional.empty();
        } else if (PERIODS.contains(duration) && client.getClientAuthenticationMethods().stream()
                .noneMatch(ClientAuthenticationMethod.NONE::equals)) {
            days = Optional.of(Integer.valueOf(duration));
        } else {
            throw refused("a period not offered to this app");
        }
        long id = consents.give(new Consents.Given(subject.person(), subject.self() ? Optional.empty() : Optional.of(loggedIn),
                subject.grantId(), client.getClientId(), context.getAuthorization().getId(), scopes, days));
        log.info("Consent {} given to app {} for {} ({}), {}", id, client.getClientId(), subject.self() ? "the person" : "a principal",
                AppRegistry.codes(scopes), days.map(d -> d + " days").orElse("once"));
    }

    /** A 400 at the idp, not a redirect to the app: the app did nothing wrong, the form was not the page's. */
    private static OAuth2AuthenticationException refused(String why) {
        log.warn("A consent form was refused: {}", why);
        return new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                "The consent form asked for " + why, null), null);
    }
}
