package jp.mynahealth.portal.security;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jp.mynahealth.records.Person;
import jp.mynahealth.records.PersonRepository;

/** Puts the logged-in person's name into every portal page, for the header's name and logout button. */
@ControllerAdvice
class SignedInPersonAdvice {

    private final PersonRepository persons;

    SignedInPersonAdvice(PersonRepository persons) {
        this.persons = persons;
    }

    @ModelAttribute("signedInName")
    String signedInName() {
        return CurrentPerson.get().flatMap(persons::find).map(Person::fullName).orElse(null);
    }
}
