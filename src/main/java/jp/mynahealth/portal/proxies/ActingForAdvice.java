package jp.mynahealth.portal.proxies;

import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.portal.security.CurrentPerson;

/** Gives every portal page whom the citizen acts for (the band), what it may show, and the switcher's list. */
@ControllerAdvice
class ActingForAdvice {

    /** What a page may show: everything for oneself, the granted kinds for a proxy. */
    public record Reach(ProxyGrant grant) {
        public boolean self() {
            return grant == null;
        }

        public boolean may(String scope) {
            return grant == null || ProxyScope.of(scope).map(grant::allows).orElse(false);
        }
    }

    private final ProxyGrantRepository grants;

    ActingForAdvice(ProxyGrantRepository grants) {
        this.grants = grants;
    }

    @ModelAttribute("actingFor")
    ProxyGrant actingFor(HttpServletRequest request) {
        return ActingFor.grant(request).orElse(null);
    }

    @ModelAttribute("reach")
    Reach reach(HttpServletRequest request) {
        return new Reach(ActingFor.grant(request).orElse(null));
    }

    @ModelAttribute("actingChoices")
    List<ActingFor.Choice> choices(HttpServletRequest request) {
        Optional<Visit> own = CurrentPerson.visit();
        HttpSession session = request.getSession(false);
        if (own.isEmpty() || session == null) {
            return List.of();
        }
        return ActingFor.choices(session, () -> grants.principalsOf(own.get().person()));
    }
}
