package jp.mynahealth.portal.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

import jp.mynahealth.records.Person;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.records.PersonRepository;

/** The first page after login: greets the person by name. */
@Controller
class DashboardController {

    private final PersonRepository persons;

    DashboardController(PersonRepository persons) {
        this.persons = persons;
    }

    @GetMapping("/dashboard")
    String dashboard(PersonId person, Model model) {
        Person found = persons.find(person).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("person", found);
        return "portal/dashboard/dashboard";
    }
}
