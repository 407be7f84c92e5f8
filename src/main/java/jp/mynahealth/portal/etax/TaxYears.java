package jp.mynahealth.portal.etax;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.portal.proxies.ProxyGrant;
import jp.mynahealth.records.CostNoticeRepository;
import jp.mynahealth.records.DataAsOfRepository;
import jp.mynahealth.records.DataAsOfRepository.DataKind;
import jp.mynahealth.records.Person;
import jp.mynahealth.records.PersonRepository;

/**
 * A tax year's medical expenses read for the e-Tax pages: one person's, or a household's (the
 * citizen and the family members they added), and the access log that reading them writes — on
 * every member's own chain, naming the citizen as the one who looked.
 */
@Component
class TaxYears {

    private final CostNoticeRepository notices;
    private final PersonRepository persons;
    private final DataAsOfRepository dataAsOf;
    private final AccessLog accessLog;
    private final Clock clock;

    TaxYears(CostNoticeRepository notices, PersonRepository persons, DataAsOfRepository dataAsOf, AccessLog accessLog,
            Clock clock) {
        this.notices = notices;
        this.persons = persons;
        this.dataAsOf = dataAsOf;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    int thisYear() {
        return LocalDate.now(clock).getYear();
    }

    /** A year from the request: 2021 (the first notices) to this year; anything else is refused. */
    Optional<Integer> year(String text) {
        try {
            int year = Integer.parseInt(text.strip());
            return year >= 2021 && year <= thisYear() ? Optional.of(year) : Optional.empty();
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    TaxYear of(Visit visit, int year) {
        return TaxYear.of(year, notices.ofYear(visit.person(), year), dataAsOf.completeThrough(DataKind.COST_NOTICE).orElse(null));
    }

    Person person(Visit visit) {
        return persons.find(visit.person()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The person of the visit, and each chosen member read on their own behalf (by the grant, never a request's id). */
    Household household(Visit visit, int year, List<ProxyGrant> chosen) {
        Household.Member self = new Household.Member(null, person(visit), of(visit, year));
        List<Household.Member> family = chosen.stream().map(grant -> {
            Visit member = visit.actingFor(grant.principal());
            return new Household.Member(grant.grantId(), person(member), of(member, year));
        }).toList();
        return Household.of(self, family);
    }

    /** One access on each member's chain: the citizen's own as ever, each family member's naming the citizen. */
    void record(Visit visit, Household household, Action action) {
        accessLog.record(visit, action, Result.OK);
        for (Household.Member member : household.family()) {
            accessLog.record(visit.actingFor(member.person().id()), action, Result.OK);
        }
    }
}
