package jp.mynahealth.portal.vaccinations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.DataAsOfRepository;
import jp.mynahealth.records.DataAsOfRepository.DataKind;
import jp.mynahealth.records.Person;
import jp.mynahealth.records.PersonRepository;
import jp.mynahealth.records.Vaccination;
import jp.mynahealth.records.VaccinationRepository;

/**
 * 予防接種: the routine vaccinations the municipality recorded, and for a child of the schedule's
 * ages what is due, overdue and to come. Only the logged-in person's records are ever read.
 */
@Controller
class VaccinationsController {

    private final PersonRepository persons;
    private final VaccinationRepository vaccinations;
    private final DataAsOfRepository dataAsOf;
    private final AccessLog accessLog;
    private final Clock clock;
    private final MessageSource messages;

    VaccinationsController(PersonRepository persons, VaccinationRepository vaccinations, DataAsOfRepository dataAsOf,
            AccessLog accessLog, Clock clock, MessageSource messages) {
        this.persons = persons;
        this.vaccinations = vaccinations;
        this.dataAsOf = dataAsOf;
        this.accessLog = accessLog;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/vaccinations")
    String vaccinations(Visit visit, Model model, Locale locale) {
        Person person = persons.find(visit.person()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Vaccination> records = vaccinations.ofPerson(visit.person());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("given", records.stream().map(v -> line(v, locale)).toList());
        if (ChildSchedule.covers(person.birthDate(), person.sex(), today)) {
            model.addAttribute("schedule", ChildSchedule.of(person.birthDate(), person.sex(), records, today));
        }
        model.addAttribute("asOf", dataAsOf.completeThrough(DataKind.VACCINATION).orElse(null));
        accessLog.record(visit, Action.VIEW_VACCINATIONS, Result.OK);
        return "portal/vaccinations/vaccinations";
    }

    private GivenLine line(Vaccination vaccination, Locale locale) {
        String name = messages.getMessage("vaccinations.vaccine." + vaccination.vaccineCode(), null,
                vaccination.vaccineName(), locale);
        String doseKey = Series.namingDosesOf(vaccination.vaccineCode()).map(s -> s.doseKey(vaccination.doseNumber()))
                .orElse("vaccinations.dose.count");
        return new GivenLine(vaccination, name, doseKey);
    }
}
