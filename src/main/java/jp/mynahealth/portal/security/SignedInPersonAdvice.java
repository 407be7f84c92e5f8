package jp.mynahealth.portal.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jp.mynahealth.records.Person;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.records.PersonRepository;

/** Puts the logged-in person's name into every portal page, for the header's name and logout button. */
@ControllerAdvice
class SignedInPersonAdvice {

    /**
     * The name is read from the store once a session and kept in it under a key naming whose name it
     * is: every page shows it, and asking the store on every page was one of the five or six round trips
     * a page makes. The session ends at logout (on kiosks it is invalidated), and the name with it.
     */
    private static final String SESSION_ATTRIBUTE = SignedInPersonAdvice.class.getName() + ".name.";

    private final PersonRepository persons;
    private final Clock clock;

    SignedInPersonAdvice(PersonRepository persons, Clock clock) {
        this.persons = persons;
        this.clock = clock;
    }

    /** For the header that only printed pages show. */
    @ModelAttribute("printDate")
    LocalDate printDate() {
        return LocalDate.now(clock);
    }

    @ModelAttribute("signedInName")
    String signedInName(HttpServletRequest request) {
        Optional<PersonId> person = CurrentPerson.get();
        if (person.isEmpty()) {
            return null;
        }
        HttpSession session = request.getSession(false);
        String key = SESSION_ATTRIBUTE + person.get().value();
        if (session != null && session.getAttribute(key) instanceof String kept) {
            return kept;
        }
        String name = persons.find(person.get()).map(Person::fullName).orElse(null);
        if (session != null && name != null) {
            session.setAttribute(key, name);
        }
        return name;
    }
}
