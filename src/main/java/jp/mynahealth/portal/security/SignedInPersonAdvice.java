package jp.mynahealth.portal.security;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jp.mynahealth.records.Person;
import jp.mynahealth.records.PersonRepository;

/** Puts the logged-in person's name into every portal page, for the header's name and logout button. */
@ControllerAdvice
class SignedInPersonAdvice {

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
    String signedInName() {
        return CurrentPerson.get().flatMap(persons::find).map(Person::fullName).orElse(null);
    }
}
