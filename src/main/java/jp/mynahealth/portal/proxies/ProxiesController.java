package jp.mynahealth.portal.proxies;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jp.mynahealth.common.ClockConfiguration;
import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.portal.security.CurrentPerson;
import jp.mynahealth.records.Person;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.records.PersonRepository;

/**
 * 家族・代理人: the people the citizen may act for (and the switch to do so), the people who may act
 * for them (and the way to end that at once), invitations they made, and the code a proxy enters.
 * Everything here is about the logged-in citizen themself, even while they act for someone: a proxy
 * can never manage the principal's proxies.
 */
@Controller
class ProxiesController {

    private static final Logger log = LoggerFactory.getLogger(ProxiesController.class);
    static final int MAX_YEARS = 3;
    /** Wrong codes one session may enter before the form stops taking them (the rate limit also applies). */
    static final int MAX_FAILED_CODES = 10;

    private static final String SESSION_FAILED = ProxiesController.class.getName() + ".failed";
    private static final String SESSION_PENDING = ProxiesController.class.getName() + ".pending";
    private static final String SESSION_LEGAL_DONE = ProxiesController.class.getName() + ".legalDone";
    /** A pair login is for registering at once: its ID token is honoured for this long. */
    static final java.time.Duration LEGAL_LOGIN_FRESH = java.time.Duration.ofMinutes(5);

    private final ProxyGrantRepository grants;
    private final InvitationRepository invitations;
    private final PersonRepository persons;
    private final AccessLog accessLog;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ProxiesController(ProxyGrantRepository grants, InvitationRepository invitations, PersonRepository persons,
            AccessLog accessLog, TransactionTemplate transaction, Clock clock) {
        this.grants = grants;
        this.invitations = invitations;
        this.persons = persons;
        this.accessLog = accessLog;
        this.transaction = transaction;
        this.clock = clock;
    }

    @GetMapping("/proxies")
    String page(Model model) {
        Visit own = own();
        Person me = persons.find(own.person()).orElseThrow();
        model.addAttribute("principals", grants.principalsOf(own.person()));
        model.addAttribute("proxies", grants.proxiesOf(own.person()));
        model.addAttribute("pending", invitations.pendingOf(own.person()));
        model.addAttribute("mayInvite", LegalAges.adult(me.birthDate(), today()));
        model.addAttribute("mayEndLegal", LegalAges.mayEndParentsLink(me.birthDate(), today()));
        model.addAttribute("scopes", ProxyScope.values());
        model.addAttribute("years", List.of(1, 2, 3));
        return "portal/proxies/proxies";
    }

    /** Starts acting for someone: the grant must be the citizen's own and live. */
    @PostMapping("/proxies/act")
    String act(@RequestParam("grant") long grantId, HttpSession session) {
        Visit own = own();
        ProxyGrant grant = grants.live(grantId, own.person()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ActingFor.start(session, grant);
        accessLog.record(own.actingFor(grant.principal()), Action.START_ACTING, Result.OK);
        return "redirect:/dashboard";
    }

    @PostMapping("/proxies/self")
    String self(HttpSession session) {
        Visit own = own();
        if (session.getAttribute(ActingFor.SESSION_GRANT) instanceof Long grantId) {
            grants.live(grantId, own.person())
                    .ifPresent(grant -> accessLog.record(own.actingFor(grant.principal()), Action.STOP_ACTING, Result.OK));
        }
        ActingFor.stop(session);
        return "redirect:/dashboard";
    }

    /** The principal ends a proxy: at once, in every session of the proxy (their next request is checked). */
    @PostMapping("/proxies/{grant}/end")
    String end(@PathVariable("grant") long grantId, RedirectAttributes redirect) {
        Visit own = own();
        boolean mayEndLegal = LegalAges.mayEndParentsLink(persons.find(own.person()).orElseThrow().birthDate(), today());
        if (!grants.endByPrincipal(grantId, own.person(), mayEndLegal)) {
            accessLog.record(own, Action.END_PROXY, Result.NOT_FOUND);
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        accessLog.record(own, Action.END_PROXY, Result.OK);
        redirect.addFlashAttribute("proxyNotice", "ended");
        return "redirect:/proxies";
    }

    /** A chosen proxy may step down. */
    @PostMapping("/proxies/{grant}/resign")
    String resign(@PathVariable("grant") long grantId, HttpSession session, RedirectAttributes redirect) {
        Visit own = own();
        Optional<ProxyGrant> grant = grants.live(grantId, own.person());
        if (grant.isEmpty() || !grants.endByProxy(grantId, own.person())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        accessLog.record(own.actingFor(grant.get().principal()), Action.END_PROXY, Result.OK);
        ActingFor.stop(session);
        ActingFor.forgetChoices(session);
        redirect.addFlashAttribute("proxyNotice", "resigned");
        return "redirect:/proxies";
    }

    @PostMapping("/proxies/invitations")
    String invite(@RequestParam(name = "scope", required = false) List<String> scopeCodes,
            @RequestParam(name = "years", required = false) Integer years, Model model, HttpServletResponse response) {
        Visit own = own();
        Person me = persons.find(own.person()).orElseThrow();
        if (!LegalAges.adult(me.birthDate(), today())) {
            throw new AccessDeniedException("only an adult chooses a proxy");
        }
        Set<ProxyScope> scopes = EnumSet.noneOf(ProxyScope.class);
        if (scopeCodes != null) {
            scopeCodes.forEach(code -> ProxyScope.of(code).ifPresent(scopes::add));
        }
        if (scopes.isEmpty() || years == null || years < 1 || years > MAX_YEARS) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("inviteError", scopes.isEmpty() ? "scopes" : "years");
            accessLog.record(own, Action.INVITE_PROXY, Result.REFUSED);
            return page(model);
        }
        LocalDate until = today().plusYears(years).minusDays(1);
        String code = invitations.create(own.person(), scopes, until);
        accessLog.record(own, Action.INVITE_PROXY, Result.OK);
        model.addAttribute("code", code);
        model.addAttribute("scopes", scopes);
        model.addAttribute("until", until);
        model.addAttribute("expires", today().plusDays(InvitationRepository.VALID_FOR.toDays()));
        return "portal/proxies/invitation-code";
    }

    @PostMapping("/proxies/invitations/{id}/withdraw")
    String withdraw(@PathVariable("id") long invitationId, RedirectAttributes redirect) {
        if (!invitations.withdraw(invitationId, own().person())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("proxyNotice", "withdrawn");
        return "redirect:/proxies";
    }

    /** A proxy enters the code they were given: shown what they are being given before they confirm. */
    @PostMapping("/proxies/invitations/accept")
    String accept(@RequestParam(name = "code", required = false) String typed, HttpSession session, Model model,
            HttpServletResponse response) {
        Visit own = own();
        int failed = session.getAttribute(SESSION_FAILED) instanceof Integer n ? n : 0;
        if (failed >= MAX_FAILED_CODES) {
            log.warn("Invitation codes refused for {}: {} wrong codes in this session", own.person(), failed);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("codeError", "locked");
            return page(model);
        }
        Optional<Invitation> invitation = InvitationCode.normalize(typed).flatMap(invitations::open)
                .filter(i -> !i.principal().equals(own.person()));
        if (invitation.isEmpty()) {
            session.setAttribute(SESSION_FAILED, failed + 1);
            log.info("A wrong or closed invitation code was entered by {} ({} so far)", own.person(), failed + 1);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("codeError", "wrong");
            return page(model);
        }
        session.setAttribute(SESSION_PENDING, invitation.get().invitationId());
        model.addAttribute("invitation", invitation.get());
        return "portal/proxies/confirm";
    }

    /** Confirms: the invitation is taken once, and the grant made, in one transaction. */
    @PostMapping("/proxies/invitations/confirm")
    String confirm(HttpSession session, RedirectAttributes redirect) {
        Visit own = own();
        if (!(session.getAttribute(SESSION_PENDING) instanceof Long invitationId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        session.removeAttribute(SESSION_PENDING);
        Optional<Invitation> taken = transaction.execute(status -> {
            Optional<Invitation> open = invitations.pendingById(invitationId);
            if (open.isEmpty() || !invitations.accept(invitationId, own.person())) {
                return Optional.empty();
            }
            Invitation i = open.get();
            grants.create(i.principal(), own.person(), ProxyGrant.CHOSEN, i.scopes(), today(), i.grantUntil(), invitationId);
            return open;
        });
        if (taken == null || taken.isEmpty()) {
            redirect.addFlashAttribute("proxyNotice", "closed");
            return "redirect:/proxies";
        }
        accessLog.record(own.actingFor(taken.get().principal()), Action.ACCEPT_INVITATION, Result.OK);
        ActingFor.forgetChoices(session);
        session.removeAttribute(SESSION_FAILED);
        redirect.addFlashAttribute("proxyNotice", "accepted");
        return "redirect:/proxies";
    }

    /** What registering as a child's legal representative takes, and the button that starts the pair login. */
    @GetMapping("/proxies/legal")
    String legal() {
        own();
        return "portal/proxies/legal";
    }

    /**
     * After a pair login: the idp read the parent's card and then the child's over one challenge, and
     * says whose the second card was. A minor's link is made (all kinds, until the day they attain 18);
     * an adult's card makes nothing. Honoured once per login, and only fresh.
     */
    @GetMapping("/proxies/legal/complete")
    String legalComplete(HttpSession session, RedirectAttributes redirect) {
        Visit own = own();
        Optional<CurrentPerson.SecondCard> second = CurrentPerson.secondCard(
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication());
        if (second.isEmpty() || second.get().issuedAt() == null
                || second.get().issuedAt().plus(LEGAL_LOGIN_FRESH).isBefore(clock.instant())
                || second.get().issuedAt().equals(session.getAttribute(SESSION_LEGAL_DONE))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        session.setAttribute(SESSION_LEGAL_DONE, second.get().issuedAt());
        PersonId child = second.get().person();
        Optional<Person> found = persons.find(child);
        if (found.isEmpty() || child.equals(own.person())) {
            log.warn("Pair login of {} named no other person in the store ({})", own.person(), child);
            redirect.addFlashAttribute("proxyNotice", "legal-unknown");
            return "redirect:/proxies";
        }
        if (LegalAges.adult(found.get().birthDate(), today())) {
            log.info("Pair login of {}: the second card is an adult's ({}); no legal link made", own.person(), child);
            accessLog.record(own.actingFor(child), Action.REGISTER_LEGAL_REPRESENTATIVE, Result.REFUSED);
            redirect.addFlashAttribute("proxyNotice", "legal-adult");
            return "redirect:/proxies";
        }
        grants.create(child, own.person(), ProxyGrant.LEGAL, EnumSet.allOf(ProxyScope.class), today(),
                LegalAges.lastDayAsMinor(found.get().birthDate()), null);
        accessLog.record(own.actingFor(child), Action.REGISTER_LEGAL_REPRESENTATIVE, Result.OK);
        ActingFor.forgetChoices(session);
        log.info("{} registered as the legal representative of {}", own.person(), child);
        redirect.addFlashAttribute("proxyNotice", "legal");
        return "redirect:/proxies";
    }

    private static Visit own() {
        return CurrentPerson.visit().orElseThrow(() -> new AccessDeniedException("no card login in this session"));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ClockConfiguration.JAPAN));
    }
}
