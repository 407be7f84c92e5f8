package jp.mynahealth.portal.etax;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.Person;
import jp.mynahealth.records.Qualification;
import jp.mynahealth.records.QualificationRepository;

/**
 * A person's signed 医療費通知情報 file for a tax year: what the e-Tax page downloads and what the API
 * gives a tax app the citizen connected, the same bytes either way.
 */
@Component
public class TaxNoticeFiles {

    private final TaxYears taxYears;
    private final QualificationRepository qualifications;
    private final MedicalExpenseXml xml;
    private final Clock clock;

    TaxNoticeFiles(TaxYears taxYears, QualificationRepository qualifications, MedicalExpenseXml xml, Clock clock) {
        this.taxYears = taxYears;
        this.qualifications = qualifications;
        this.xml = xml;
        this.clock = clock;
    }

    /** A year a file can be asked for: 2021 (the first notices) to this year. */
    public Optional<Integer> year(String text) {
        return taxYears.year(text);
    }

    public byte[] signedXml(Visit whose, int year) {
        return signedXml(whose, taxYears.person(whose), year);
    }

    byte[] signedXml(Visit whose, Person person, int year) {
        return xml.build(person, qualificationOf(whose, year), taxYears.of(whose, year), LocalDate.now(clock));
    }

    /** The qualification in force during the year (the first found), else the person's latest. */
    private Qualification qualificationOf(Visit visit, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<Qualification> all = qualifications.findAll(visit.person());
        return all.stream().filter(q -> !q.validFrom().isAfter(last) && (q.validTo() == null || !q.validTo().isBefore(first)))
                .findFirst().orElse(all.isEmpty() ? null : all.get(0));
    }
}
