package jp.mynahealth.portal.proxies;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Whom the logged-in citizen is acting for in this session. The session keeps only the grant's id;
 * {@link ActingForInterceptor} checks it against the store on every request and leaves the live
 * grant on the request, so an ended or expired grant stops at the proxy's next click.
 */
public final class ActingFor {

    static final String SESSION_GRANT = ActingFor.class.getName() + ".grant";
    static final String SESSION_CHOICES = ActingFor.class.getName() + ".choices";
    static final String REQUEST_GRANT = ActingFor.class.getName() + ".live";

    /** A person the citizen may act for, as the header's switcher lists them. */
    public record Choice(long grantId, String name) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private ActingFor() {
    }

    /** The live grant this request is made under, if the citizen is acting for someone. */
    public static Optional<ProxyGrant> grant(HttpServletRequest request) {
        return request.getAttribute(REQUEST_GRANT) instanceof ProxyGrant grant ? Optional.of(grant) : Optional.empty();
    }

    static void start(HttpSession session, ProxyGrant grant) {
        session.setAttribute(SESSION_GRANT, grant.grantId());
    }

    static void stop(HttpSession session) {
        session.removeAttribute(SESSION_GRANT);
    }

    /** The switcher's list, read once a session (and again whenever the citizen's grants change here). */
    @SuppressWarnings("unchecked")
    static List<Choice> choices(HttpSession session, java.util.function.Supplier<List<ProxyGrant>> load) {
        if (session.getAttribute(SESSION_CHOICES) instanceof List<?> kept) {
            return (List<Choice>) kept;
        }
        ArrayList<Choice> choices = new ArrayList<>();
        load.get().forEach(g -> choices.add(new Choice(g.grantId(), g.principalName())));
        session.setAttribute(SESSION_CHOICES, choices);
        return choices;
    }

    static void forgetChoices(HttpSession session) {
        session.removeAttribute(SESSION_CHOICES);
    }
}
