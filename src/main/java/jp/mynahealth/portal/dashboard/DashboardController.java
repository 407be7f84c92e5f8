package jp.mynahealth.portal.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;
import jp.mynahealth.portal.proxies.ActingFor;
import jp.mynahealth.portal.proxies.ProxyGrant;
import jp.mynahealth.portal.proxies.ProxyScope;
import org.springframework.web.server.ResponseStatusException;

import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.portal.insurance.RegistrationStatus;
import jp.mynahealth.portal.vaccinations.ChildSchedule;
import jp.mynahealth.records.DataAsOfRepository;
import jp.mynahealth.records.DataAsOfRepository.DataKind;
import jp.mynahealth.records.Person;
import jp.mynahealth.records.PersonRepository;
import jp.mynahealth.records.RecordSummaryRepository;
import jp.mynahealth.records.Vaccination;
import jp.mynahealth.records.VaccinationRepository;

/** The first page after login: the person's name, their registration status and a tile per record kind. */
@Controller
class DashboardController {

    private final PersonRepository persons;
    private final RegistrationStatus registrations;
    private final RecordSummaryRepository summaries;
    private final VaccinationRepository vaccinations;
    private final DataAsOfRepository dataAsOf;
    private final AccessLog accessLog;
    private final Clock clock;

    DashboardController(PersonRepository persons, RegistrationStatus registrations, RecordSummaryRepository summaries,
            VaccinationRepository vaccinations, DataAsOfRepository dataAsOf, AccessLog accessLog, Clock clock) {
        this.persons = persons;
        this.registrations = registrations;
        this.summaries = summaries;
        this.vaccinations = vaccinations;
        this.dataAsOf = dataAsOf;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** A proxy's dashboard reads only the kinds granted: the rest is neither queried nor shown. */
    @GetMapping("/dashboard")
    String dashboard(Visit visit, Model model, HttpServletRequest request) {
        Optional<ProxyGrant> grant = ActingFor.grant(request);
        Predicate<ProxyScope> may = scope -> grant.map(g -> g.allows(scope)).orElse(true);
        Person found = persons.find(visit.person()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("person", found);
        LocalDate today = LocalDate.now(clock);
        if (may.test(ProxyScope.INSURANCE)) {
            model.addAttribute("registration", registrations.active(visit.person()).orElse(null));
        }
        if (may.test(ProxyScope.DRUGS)) {
            model.addAttribute("latestDispensing", summaries.latestDispensing(visit.person()).orElse(null));
            model.addAttribute("drugsClaims", dataAsOf.claimsFreshness(DataKind.DISPENSING, today).orElse(null));
        }
        if (may.test(ProxyScope.CARE)) {
            model.addAttribute("latestCare", summaries.latestCare(visit.person()).orElse(null));
            model.addAttribute("careClaims", dataAsOf.claimsFreshness(DataKind.CARE, today).orElse(null));
        }
        if (may.test(ProxyScope.CHECKUPS)) {
            model.addAttribute("latestCheckup", summaries.latestCheckup(visit.person()).orElse(null));
            model.addAttribute("checkupAsOf", dataAsOf.completeThrough(DataKind.CHECKUP).orElse(null));
        }
        if (may.test(ProxyScope.COSTS)) {
            model.addAttribute("costs", summaries.costsOfYear(visit.person(), today.getYear()));
            model.addAttribute("costsClaims", dataAsOf.claimsFreshness(DataKind.COST_NOTICE, today).orElse(null));
        }
        if (may.test(ProxyScope.VACCINATIONS)) {
            List<Vaccination> given = vaccinations.ofPerson(visit.person());
            model.addAttribute("latestVaccination", given.isEmpty() ? null : given.get(0));
            if (ChildSchedule.covers(found.birthDate(), found.sex(), today)) {
                model.addAttribute("vaccinationSchedule", ChildSchedule.of(found.birthDate(), found.sex(), given, today));
            }
            model.addAttribute("vaccinationAsOf", dataAsOf.completeThrough(DataKind.VACCINATION).orElse(null));
        }
        accessLog.record(visit, Action.VIEW_DASHBOARD, Result.OK);
        return "portal/dashboard/dashboard";
    }
}
