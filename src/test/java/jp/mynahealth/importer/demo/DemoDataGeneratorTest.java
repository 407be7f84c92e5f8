package jp.mynahealth.importer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import jp.mynahealth.importer.demo.DemoRows.PersonRow;
import jp.mynahealth.portal.vaccinations.ChildSchedule;
import jp.mynahealth.records.Vaccination;

class DemoDataGeneratorTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

    private static RecordingSink generate(long seed, int persons) {
        RecordingSink sink = new RecordingSink();
        DemoDataGenerator generator = new DemoDataGenerator(seed, AS_OF);
        generator.generateShowcase(sink);
        generator.generatePersons(persons, sink);
        return sink;
    }

    @Test
    void theSameSeedGivesTheSameRows() {
        assertThat(generate(42, 300).all).isEqualTo(generate(42, 300).all);
    }

    @Test
    void anotherSeedGivesOtherPeople() {
        Set<UUID> first = generate(42, 100).persons.stream().map(PersonRow::personId).collect(Collectors.toSet());
        Set<UUID> second = generate(43, 100).persons.stream().map(PersonRow::personId).collect(Collectors.toSet());
        first.retainAll(second);
        assertThat(first).containsExactlyInAnyOrder(DemoDataGenerator.TARO, DemoDataGenerator.HANAKO,
                DemoDataGenerator.ICHIRO, DemoDataGenerator.SAKURA);
    }

    @Test
    void exactlyTheAskedNumberOfPeopleAreMadeWithUniqueIds() {
        RecordingSink sink = new RecordingSink();
        new DemoDataGenerator(7, AS_OF).generatePersons(1000, sink);
        assertThat(sink.persons).hasSize(1000);
        assertThat(new HashSet<>(sink.persons.stream().map(PersonRow::personId).toList())).hasSize(1000);
    }

    @Test
    void theShowcaseFamilyHasTheAgesAndInsuranceTheReadmeNames() {
        RecordingSink sink = generate(1, 0);
        Map<UUID, PersonRow> byId = sink.persons.stream().collect(Collectors.toMap(PersonRow::personId, Function.identity()));
        assertThat(age(byId.get(DemoDataGenerator.TARO))).isEqualTo(45);
        assertThat(age(byId.get(DemoDataGenerator.ICHIRO))).isEqualTo(78);
        assertThat(age(byId.get(DemoDataGenerator.SAKURA))).isEqualTo(7);
        assertThat(byId.get(DemoDataGenerator.HANAKO).givenName()).isEqualTo("花子");

        var taroNow = current(sink, DemoDataGenerator.TARO);
        var hanakoNow = current(sink, DemoDataGenerator.HANAKO);
        assertThat(taroNow.relationship()).isEqualTo("本人");
        assertThat(DemoCatalog.INSURERS).filteredOn(i -> i.number().equals(taroNow.insurerNumber()))
                .extracting(DemoCatalog.Insurer::kind).containsExactly("健康保険組合");
        assertThat(hanakoNow.relationship()).isEqualTo("家族");
        assertThat(hanakoNow.insurerNumber()).isEqualTo(taroNow.insurerNumber());
        assertThat(hanakoNow.number()).isEqualTo(taroNow.number());
        assertThat(DemoCatalog.INSURERS).filteredOn(i -> i.number().equals(current(sink, DemoDataGenerator.ICHIRO).insurerNumber()))
                .extracting(DemoCatalog.Insurer::kind).containsExactly("後期高齢者医療");
        assertThat(sink.dispensings).filteredOn(d -> d.personId().equals(DemoDataGenerator.TARO))
                .extracting(DemoRows.DispensingRow::drugName).contains("アムロジピン錠5mg「サワイ」");
    }

    @Test
    void ichiroIsDispensedTheSameIngredientByTwoInstitutionsForOverlappingDays() {
        RecordingSink sink = generate(1, 0);
        var loxoprofen = sink.dispensings.stream()
                .filter(d -> d.personId().equals(DemoDataGenerator.ICHIRO) && d.drugCode().startsWith("1149019"))
                .filter(d -> d.dispensedOn().isAfter(AS_OF.minusMonths(5)))
                .toList();
        assertThat(loxoprofen.stream().map(DemoRows.DispensingRow::prescriberCode).distinct()).hasSize(2);
    }

    /**
     * 見本 太郎's e-prescription events: within the last 100 days; a dispensing the claims hold too is
     * the claims' dispensing (day, pharmacy, drug); after the claims' month, his renewal; and on the
     * reference day itself, a course of brand drugs, prescribed before it is dispensed.
     */
    @Test
    void taroHasEPrescriptionsOfTheLastHundredDaysAndOneOfTheReferenceDay() {
        RecordingSink sink = generate(1, 50);
        assertThat(sink.ePrescriptions).isNotEmpty().allSatisfy(e -> {
            assertThat(e.personId()).isEqualTo(DemoDataGenerator.TARO);
            LocalDate day = e.dispensedOn() != null ? e.dispensedOn() : e.prescribedOn();
            assertThat(day).isBetween(AS_OF.minusDays(99), AS_OF);
            assertThat(e.occurredAt().toLocalDate()).isEqualTo(day);
        });
        assertThat(sink.ePrescriptions.stream().map(DemoRows.EPrescriptionRow::eventId).distinct()).hasSize(sink.ePrescriptions.size());
        LocalDate claimsThrough = new DemoDataGenerator(1, AS_OF).dataAsOf().dispensing();
        Set<String> claimed = sink.dispensings.stream().filter(d -> d.personId().equals(DemoDataGenerator.TARO))
                .map(d -> d.dispensedOn() + " " + d.dispenserCode() + " " + d.drugCode()).collect(Collectors.toSet());
        var dispensed = sink.ePrescriptions.stream().filter(e -> e.kind().equals("dispensed")).toList();
        assertThat(dispensed).filteredOn(e -> !e.dispensedOn().isAfter(claimsThrough)).isNotEmpty()
                .allSatisfy(e -> assertThat(claimed).contains(e.dispensedOn() + " " + e.institutionCode() + " " + e.drugCode()));
        assertThat(dispensed).filteredOn(e -> e.dispensedOn().isAfter(claimsThrough) && e.dispensedOn().isBefore(AS_OF))
                .extracting(DemoRows.EPrescriptionRow::drugName).contains("アムロジピン錠5mg「サワイ」");
        assertThat(dispensed).filteredOn(e -> e.dispensedOn().equals(AS_OF)).extracting(DemoRows.EPrescriptionRow::drugName)
                .containsExactly("クラリス錠200", "ムコダイン錠500mg");
        var last = sink.ePrescriptions.subList(sink.ePrescriptions.size() - 4, sink.ePrescriptions.size());
        assertThat(last).extracting(DemoRows.EPrescriptionRow::kind).containsExactly("prescribed", "prescribed", "dispensed", "dispensed");
        assertThat(last).extracting(DemoRows.EPrescriptionRow::prescriptionId).containsOnly(last.get(0).prescriptionId());
    }

    @Test
    void costNoticesAddUpAndFollowTheCopayRate() {
        RecordingSink sink = generate(5, 200);
        assertThat(sink.notices).isNotEmpty().allSatisfy(notice -> {
            assertThat(notice.insurerShare() + notice.publicShare() + notice.patientShare()).isEqualTo(notice.totalCost());
            assertThat(notice.serviceMonth().getDayOfMonth()).isEqualTo(1);
            assertThat(notice.serviceMonth()).isBeforeOrEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(notice.patientShare() % 10).isZero();
        });
        var dataAsOf = new DemoDataGenerator(5, AS_OF).dataAsOf();
        assertThat(dataAsOf.dispensing()).isEqualTo(LocalDate.of(2026, 10, 31));
        // Claims bring the drugs and the costs of a month together.
        assertThat(dataAsOf.costNotice()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(sink.dispensings).allSatisfy(d -> assertThat(d.dispensedOn()).isBeforeOrEqualTo(dataAsOf.dispensing()));
    }

    /**
     * A month's claims are sent by the 10th of the next: on 1 December November's have not arrived,
     * so nothing dispensed in November is in the demo and the as-of is the end of October.
     */
    @Test
    void claimsOfLastMonthArriveOnlyAfterTheTenth() {
        LocalDate firstOfDecember = LocalDate.of(2026, 12, 1);
        DemoDataGenerator early = new DemoDataGenerator(5, firstOfDecember);
        assertThat(early.dataAsOf().dispensing()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(early.dataAsOf().costNotice()).isEqualTo(LocalDate.of(2026, 10, 31));
        RecordingSink sink = new RecordingSink();
        early.generateShowcase(sink);
        early.generatePersons(100, sink);
        assertThat(sink.dispensings).isNotEmpty()
                .allSatisfy(d -> assertThat(d.dispensedOn()).isBeforeOrEqualTo(LocalDate.of(2026, 10, 31)));
        assertThat(sink.notices).allSatisfy(n -> assertThat(n.serviceMonth()).isBeforeOrEqualTo(LocalDate.of(2026, 10, 1)));
        assertThat(sink.dispensings).anySatisfy(d -> assertThat(d.dispensedOn()).isAfter(LocalDate.of(2026, 10, 20)));

        assertThat(DataAsOf.claimsCompleteThrough(LocalDate.of(2026, 12, 10))).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(DataAsOf.claimsCompleteThrough(LocalDate.of(2026, 12, 11))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(DataAsOf.claimsCompleteThrough(LocalDate.of(2027, 1, 5))).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void everyPharmacyNoticeMatchesDispensingsInThatMonthAtThatPharmacy() {
        RecordingSink sink = generate(9, 200);
        Set<String> dispensed = sink.dispensings.stream()
                .map(d -> d.personId() + "|" + YearMonth.from(d.dispensedOn()) + "|" + d.dispenserCode())
                .collect(Collectors.toSet());
        assertThat(sink.notices).filteredOn(n -> n.category().equals("調剤")).isNotEmpty().allSatisfy(n ->
                assertThat(dispensed).contains(n.personId() + "|" + YearMonth.from(n.serviceMonth()) + "|" + n.institutionCode()));
    }

    @Test
    void checkupsAreForFortyAndOverAndHaveFlagsThatMatchTheirRanges() {
        RecordingSink sink = generate(11, 300);
        Map<UUID, PersonRow> byId = sink.persons.stream().collect(Collectors.toMap(PersonRow::personId, Function.identity()));
        assertThat(sink.checkups).isNotEmpty().allSatisfy(c ->
                assertThat(Period.between(byId.get(c.personId()).birthDate(), c.checkedOn()).getYears()).isGreaterThanOrEqualTo(40));
        assertThat(sink.results).filteredOn(r -> r.valueNumeric() != null).allSatisfy(r -> {
            boolean high = r.referenceHigh() != null && r.valueNumeric().compareTo(r.referenceHigh()) > 0;
            boolean low = r.referenceLow() != null && r.valueNumeric().compareTo(r.referenceLow()) < 0;
            assertThat(r.flag()).isEqualTo(high ? "H" : low ? "L" : null);
        });
    }

    /** Whatever the reference day, さくら (7 years and 160 days old) misses exactly the 日本脳炎 1期 booster. */
    @Test
    void sakuraHasExactlyOneOverdueVaccinationOnAnyReferenceDay() {
        for (LocalDate asOf : List.of(AS_OF, LocalDate.of(2026, 12, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2028, 2, 29),
                LocalDate.of(2028, 9, 1), LocalDate.of(2031, 3, 31))) {
            RecordingSink sink = new RecordingSink();
            new DemoDataGenerator(1, asOf).generateShowcase(sink);
            PersonRow sakura = sink.persons.stream().filter(p -> p.personId().equals(DemoDataGenerator.SAKURA)).findFirst()
                    .orElseThrow();
            List<Vaccination> records = sink.vaccinations.stream().filter(v -> v.personId().equals(DemoDataGenerator.SAKURA))
                    .map(v -> new Vaccination(v.givenOn(), v.vaccineCode(), v.vaccineCode(), v.doseNumber(), v.place(),
                            v.lotNumber()))
                    .toList();
            ChildSchedule schedule = ChildSchedule.of(sakura.birthDate(), sakura.sex(), records, asOf);
            assertThat(schedule.overdue()).as("on %s", asOf).singleElement()
                    .satisfies(line -> assertThat(line.doseKey()).isEqualTo("vaccinations.dose.JE.3"));
            assertThat(schedule.due()).as("on %s", asOf).isEmpty();
            assertThat(schedule.notRecorded()).as("on %s", asOf).isEmpty();
            assertThat(sink.vaccinations).as("on %s", asOf).allSatisfy(v -> {
                assertThat(v.givenOn()).isAfterOrEqualTo(v.birthDate());
                assertThat(v.recordedOn()).isBeforeOrEqualTo(asOf);
            });
        }
    }

    @Test
    void adultsOfTheFamilyHaveNoRoutineVaccinationsButIchirosYearlyInfluenza() {
        RecordingSink sink = generate(1, 0);
        assertThat(sink.vaccinations).filteredOn(v -> v.personId().equals(DemoDataGenerator.TARO)
                || v.personId().equals(DemoDataGenerator.HANAKO)).isEmpty();
        assertThat(sink.vaccinations).filteredOn(v -> v.personId().equals(DemoDataGenerator.ICHIRO))
                .extracting(DemoRows.VaccinationRow::vaccineCode).containsExactly("FLU", "FLU", "FLU");
    }

    @Test
    void generatedChildrenAreVaccinatedAndNoDoseIsRecordedBeforeItWasGiven() {
        RecordingSink sink = generate(5, 300);
        Map<UUID, PersonRow> byId = sink.persons.stream().collect(Collectors.toMap(PersonRow::personId, Function.identity()));
        assertThat(sink.vaccinations).filteredOn(v -> !v.vaccineCode().equals("FLU")).isNotEmpty().allSatisfy(v ->
                assertThat(age(byId.get(v.personId()))).isLessThan(14));
        assertThat(sink.vaccinations).filteredOn(v -> v.vaccineCode().equals("FLU")).isNotEmpty().allSatisfy(v ->
                assertThat(Period.between(byId.get(v.personId()).birthDate(), v.givenOn()).getYears()).isGreaterThanOrEqualTo(65));
        assertThat(sink.vaccinations).allSatisfy(v -> {
            assertThat(v.recordedOn()).isEqualTo(v.givenOn().plusDays(DemoVaccinations.RECORDING_LAG_DAYS)).isBeforeOrEqualTo(AS_OF);
            assertThat(v.givenOn()).isAfterOrEqualTo(v.birthDate());
        });
        assertThat(sink.vaccinations.stream().map(v -> v.municipalityCode() + v.recordRef()).distinct())
                .hasSize(sink.vaccinations.size());
    }

    private static int age(PersonRow person) {
        return Period.between(person.birthDate(), AS_OF).getYears();
    }

    private static DemoRows.QualificationRow current(RecordingSink sink, UUID person) {
        return sink.qualifications.stream().filter(q -> q.personId().equals(person) && q.validTo() == null)
                .findFirst().orElseThrow();
    }
}
