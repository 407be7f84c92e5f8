package jp.mynahealth.idp.apps;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.idp.card.CardAuthenticationToken;
import jp.mynahealth.records.PersonId;

/**
 * The consent page the Authorization Server sends a citizen to when an app asks for their data: which
 * app (and who runs it), which data (each kind can be unticked), for how long, and, for someone who
 * acts for family, whose data. It posts back to the authorization endpoint; {@link ConsentRecorder}
 * records the choice. Works without script: choosing whose data is a step of its own.
 */
@Controller
public class ConsentPageController {

    public static final String PAGE = "/oauth2/consent";

    private final AppRegistry apps;
    private final ConsentSubjects subjects;

    public ConsentPageController(AppRegistry apps, ConsentSubjects subjects) {
        this.apps = apps;
        this.subjects = subjects;
    }

    /** An unknown app or a consent asked outside an authorization: nothing to consent to. */
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    static class NoSuchConsentException extends RuntimeException {
        NoSuchConsentException(String message) {
            super(message);
        }
    }

    @GetMapping(PAGE)
    String consent(@RequestParam("client_id") String clientId, @RequestParam(name = "scope", defaultValue = "") String scope,
            @RequestParam("state") String state, @RequestParam(name = "subject", required = false) String subject,
            Authentication login, Model model) {
        App app = apps.find(clientId).orElseThrow(() -> new NoSuchConsentException("No app " + clientId));
        if (login instanceof CardAuthenticationToken card && card.kioskTerminal().isPresent()) {
            model.addAttribute("app", app);
            return "idp/apps/kiosk";
        }
        Set<AppScope> asked = EnumSet.noneOf(AppScope.class);
        Arrays.stream(scope.split(" ")).map(AppScope::of).flatMap(Optional::stream).filter(app.scopes()::contains)
                .forEach(asked::add);
        PersonId loggedIn = PersonId.fromSubject(login.getName());
        List<ConsentSubjects.Subject> people = subjects.of(loggedIn).stream()
                .filter(person -> person.self() || person.allowed().stream().anyMatch(asked::contains)).toList();
        model.addAttribute("app", app);
        model.addAttribute("clientId", clientId);
        model.addAttribute("state", state);
        model.addAttribute("scope", scope);
        if (people.size() > 1 && subject == null) {
            model.addAttribute("people", people);
            return "idp/apps/whose";
        }
        ConsentSubjects.Subject chosen = people.stream().filter(person -> subject == null || person.person().toString().equals(subject))
                .findFirst().orElseThrow(() -> new NoSuchConsentException("Not a person the citizen acts for"));
        model.addAttribute("subject", chosen);
        model.addAttribute("scopes", asked.stream().filter(chosen.allowed()::contains).toList());
        model.addAttribute("withheld", asked.stream().filter(kind -> !chosen.allowed().contains(kind)).toList());
        model.addAttribute("periods", app.confidential() ? List.of(ConsentRecorder.ONCE, "30", "90") : List.of(ConsentRecorder.ONCE));
        return "idp/apps/consent";
    }
}
