package jp.mynahealth.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.common.database.ImporterDataSource;
import jp.mynahealth.support.ReadStoreTest;

/** The drug list's queries against the real PostgreSQL, on a person whose lines this test writes. */
@ReadStoreTest
class DispensingRepositoryTest {

    /** Test data goes into the read store as all data does: with the importer's login. */
    JdbcClient jdbc;

    @Autowired
    void importerLogin(ImporterDataSource importer) {
        jdbc = JdbcClient.create(importer.dataSource());
    }

    @Autowired
    DispensingRepository repository;

    private PersonId person;
    private String pharmacy;
    private String otherPharmacy;
    private String clinic;
    private String otherClinic;

    @BeforeEach
    void writePerson() {
        person = new PersonId(UUID.randomUUID());
        jdbc.sql("""
                insert into records.person values (:p, 'テスト', '薬子', 'テスト', 'クスリコ', date '1970-01-01', 2, '131016')
                """).param("p", person.value()).update();
        List<String> pharmacies = jdbc.sql("select institution_code from records.institution where kind = '薬局' order by 1 limit 2")
                .query(String.class).list();
        List<String> clinics = jdbc.sql("select institution_code from records.institution where kind = '診療所' order by 1 limit 2")
                .query(String.class).list();
        pharmacy = pharmacies.get(0);
        otherPharmacy = pharmacies.get(1);
        clinic = clinics.get(0);
        otherClinic = clinics.get(1);
    }

    private void line(LocalDate day, String dispenser, String prescriber, String code, String name, int days, String category) {
        jdbc.sql("""
                insert into records.dispensing (person_id, dispensed_on, dispenser_code, prescriber_code, drug_code, drug_name,
                                                generic, quantity, unit, usage, days, category)
                values (:p, :day, :dispenser, :prescriber, :code, :name, true, 28, '錠', '1日1回朝食後', :days, :category)
                """).param("p", person.value()).param("day", day).param("dispenser", dispenser).param("prescriber", prescriber)
                .param("code", code).param("name", name).param("days", days).param("category", category).update();
    }

    /** An e-prescription dispensing, as the importer writes one (src/docs/e-prescriptions.md). */
    private void fresh(LocalDate day, String dispenser, String prescriber, String code, String name, int days, String category) {
        jdbc.sql("""
                insert into records.e_prescription (person_id, event_id, kind, occurred_at, happened_on, institution_code,
                                                    prescription_id, prescriber_code, drug_code, drug_name, generic, quantity,
                                                    unit, usage, days, category, file_hash)
                values (:p, :event, 'dispensed', (:day::date + time '09:30') at time zone 'Asia/Tokyo', :day, :dispenser, 'rx',
                        :prescriber, :code, :name, true, 28, '錠', '1日1回朝食後', :days, :category, sha256('test'))
                """).param("p", person.value()).param("event", UUID.randomUUID().toString()).param("day", day)
                .param("dispenser", dispenser).param("prescriber", prescriber).param("code", code).param("name", name)
                .param("days", days).param("category", category).update();
    }

    private static DispensingFilter all() {
        return new DispensingFilter(null, null, null, null);
    }

    @Test
    void keysetPagesCoverEveryLineOnceNewestFirst() {
        LocalDate day = LocalDate.of(2026, 10, 1);
        for (int i = 0; i < 23; i++) {
            // Several lines share a day, so the id must break ties.
            line(day.minusDays(i / 3), pharmacy, clinic, "2171022F2160", "アムロジピン錠5mg「サワイ」", 28, "内服");
        }
        List<Long> seen = new ArrayList<>();
        DispensingPage.Cursor cursor = null;
        int pages = 0;
        do {
            DispensingPage page = repository.find(person, all(), cursor, 5);
            page.lines().forEach(line -> seen.add(line.id()));
            cursor = page.next();
            pages++;
        } while (cursor != null && pages < 20);
        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(23).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(new HashSet<>(repository.find(person, all(), null, 100).lines().stream()
                .map(Dispensing::id).toList()));
        List<Dispensing> all = repository.find(person, all(), null, 100).lines();
        for (int i = 1; i < all.size(); i++) {
            Dispensing before = all.get(i - 1);
            Dispensing after = all.get(i);
            assertThat(before.dispensedOn().isAfter(after.dispensedOn())
                    || before.dispensedOn().equals(after.dispensedOn()) && before.id() > after.id()).isTrue();
        }
    }

    @Test
    void aPageThatEndsExactlyAtTheLastLineHasNoNext() {
        for (int i = 0; i < 4; i++) {
            line(LocalDate.of(2026, 9, 1 + i), pharmacy, clinic, "2171022F2160", "アムロジピン錠5mg「サワイ」", 28, "内服");
        }
        DispensingPage first = repository.find(person, all(), null, 2);
        DispensingPage second = repository.find(person, all(), first.next(), 2);
        assertThat(second.lines()).hasSize(2);
        assertThat(second.next()).isNull();
    }

    @Test
    void periodAndInstitutionFiltersNarrowTheList() {
        line(LocalDate.of(2026, 3, 10), pharmacy, clinic, "2171022F2160", "アムロジピン錠5mg「サワイ」", 28, "内服");
        line(LocalDate.of(2026, 5, 10), otherPharmacy, clinic, "2171022F2160", "アムロジピン錠5mg「サワイ」", 28, "内服");
        line(LocalDate.of(2026, 7, 10), pharmacy, clinic, "2171022F2160", "アムロジピン錠5mg「サワイ」", 28, "内服");
        assertThat(repository.find(person, new DispensingFilter(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 31), null, null),
                null, 10).lines()).extracting(Dispensing::dispensedOn)
                .containsExactly(LocalDate.of(2026, 7, 10), LocalDate.of(2026, 5, 10));
        assertThat(repository.find(person, new DispensingFilter(null, null, otherPharmacy, null), null, 10).lines())
                .extracting(Dispensing::dispensedOn).containsExactly(LocalDate.of(2026, 5, 10));
        assertThat(repository.dispensers(person, LocalDate.of(2020, 1, 1))).extracting(Institution::code)
                .containsExactlyInAnyOrder(pharmacy, otherPharmacy);
    }

    @Test
    void theNameSearchIgnoresKanaKindWidthAndCase() {
        line(LocalDate.of(2026, 3, 10), pharmacy, clinic, "1149019F1560", "ロキソプロフェンNa錠60mg「サワイ」", 5, "内服");
        line(LocalDate.of(2026, 3, 11), pharmacy, clinic, "2171022F2160", "アムロジピン錠5mg「サワイ」", 28, "内服");
        for (String search : List.of("ロキソ", "ろきそ", "ﾛｷｿ", "ｎａ錠", "NA錠", "60MG", "ﾌﾟﾛﾌｪﾝ", " ろきそぷろふぇん ")) {
            assertThat(repository.find(person, new DispensingFilter(null, null, null, search), null, 10).lines())
                    .as(search).extracting(Dispensing::drugName).containsExactly("ロキソプロフェンNa錠60mg「サワイ」");
        }
        assertThat(repository.find(person, new DispensingFilter(null, null, null, "サワイ"), null, 10).lines()).hasSize(2);
        assertThat(repository.find(person, new DispensingFilter(null, null, null, "%"), null, 10).lines()).isEmpty();
        assertThat(repository.find(person, new DispensingFilter(null, null, null, "_"), null, 10).lines()).isEmpty();
    }

    @Test
    void namesStoredInHiraganaOrWithPunctuationAreFoundAndTheSearchIsNeverAPattern() {
        line(LocalDate.of(2026, 3, 10), pharmacy, clinic, "1124007F1030", "ねむりぐすり錠0.25mg", 14, "内服");
        line(LocalDate.of(2026, 3, 11), pharmacy, clinic, "3136004F1030", "メコバラミン錠500μg（エーザイ）", 28, "内服");
        for (String search : List.of("ネム", "ねむり", "ﾈﾑﾘｸﾞｽﾘ", "0.25MG")) {
            assertThat(repository.find(person, new DispensingFilter(null, null, null, search), null, 10).lines())
                    .as(search).extracting(Dispensing::drugName).containsExactly("ねむりぐすり錠0.25mg");
        }
        assertThat(repository.find(person, new DispensingFilter(null, null, null, "(えーざい)"), null, 10).lines())
                .extracting(Dispensing::drugName).containsExactly("メコバラミン錠500μg（エーザイ）");
        // Regular-expression characters are only themselves: none of these is in either name.
        for (String search : List.of(".*", "*", "+", "?", "^", "$", "|", "[", "]", "{1}", "\\", "\\d", "(?i)", "***:x", "a|錠")) {
            assertThat(repository.find(person, new DispensingFilter(null, null, null, search), null, 10).lines())
                    .as(search).isEmpty();
        }
        // A dot is a dot, not "any character": only the name with one is found.
        assertThat(repository.find(person, new DispensingFilter(null, null, null, "."), null, 10).lines())
                .extracting(Dispensing::drugName).containsExactly("ねむりぐすり錠0.25mg");
    }

    @Test
    void theSameIngredientFromTwoPrescribersForOverlappingDaysIsFound() {
        line(LocalDate.of(2026, 8, 1), pharmacy, clinic, "1149019F1560", "ロキソプロフェンNa錠60mg「サワイ」", 14, "内服");
        line(LocalDate.of(2026, 8, 5), otherPharmacy, otherClinic, "1149019F1021", "ロキソニン錠60mg", 14, "内服");
        // Same ingredient, other prescriber, but after the first supply ended: no overlap.
        line(LocalDate.of(2026, 9, 20), otherPharmacy, otherClinic, "1149019F1021", "ロキソニン錠60mg", 7, "内服");
        // Same prescriber twice: a renewal, not a duplicate.
        line(LocalDate.of(2026, 8, 10), pharmacy, clinic, "1149019F1560", "ロキソプロフェンNa錠60mg「サワイ」", 14, "内服");
        List<DuplicateDispensing> duplicates = repository.duplicates(person, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 31));
        assertThat(duplicates).hasSize(2).allSatisfy(d -> assertThat(d.ingredientCode()).isEqualTo("1149019"));
        assertThat(duplicates).extracting(DuplicateDispensing::secondFrom)
                .containsExactlyInAnyOrder(LocalDate.of(2026, 8, 5), LocalDate.of(2026, 8, 10));
    }

    @Test
    void anotherPersonsLinesAreNeverReturned() {
        line(LocalDate.of(2026, 3, 10), pharmacy, clinic, "2171022F2160", "アムロジピン錠5mg「サワイ」", 28, "内服");
        long mine = repository.find(person, all(), null, 1000).lines().get(0).id();
        PersonId taro = new PersonId(UUID.fromString("70304382-bb87-4298-9e13-ffc86a5ff41c"));
        assertThat(repository.find(taro, all(), null, 1000).lines()).isNotEmpty().extracting(Dispensing::id).doesNotContain(mine);

    }

    private static final LocalDate TODAY = LocalDate.parse(ReadStoreTest.TODAY);

    @Test
    void pagesOverBothSourcesCoverEveryLineOnceNewestFirstEPrescriptionsFirstOnADay() {
        // Claims up to last month, e-prescriptions since; three days with both sources at different pharmacies.
        for (int i = 0; i < 9; i++) {
            line(TODAY.minusDays(30 + i / 3), pharmacy, clinic, "2171022F2160", "アムロジピン錠5mg「サワイ」", 28, "内服");
        }
        for (int i = 0; i < 8; i++) {
            fresh(TODAY.minusDays(i < 4 ? i : 30 + i % 3), otherPharmacy, clinic, "2189017F1118", "ロスバスタチン錠2.5mg「DSEP」", 28,
                    "内服");
        }
        List<Dispensing> whole = repository.find(person, all(), null, 100).lines();
        assertThat(whole).hasSize(17);
        for (int i = 1; i < whole.size(); i++) {
            Dispensing before = whole.get(i - 1);
            Dispensing after = whole.get(i);
            assertThat(before.dispensedOn().isAfter(after.dispensedOn()) || before.dispensedOn().equals(after.dispensedOn())
                    && (before.source() == Dispensing.Source.E_PRESCRIPTION && after.source() == Dispensing.Source.CLAIM
                        || before.source() == after.source() && before.id() > after.id()))
                    .as("%s before %s", before, after).isTrue();
        }
        for (int size : new int[] { 1, 2, 3, 4, 5, 16, 17 }) {
            List<Dispensing> seen = new ArrayList<>();
            DispensingPage.Cursor cursor = null;
            int pages = 0;
            do {
                DispensingPage page = repository.find(person, all(), cursor, size);
                seen.addAll(page.lines());
                cursor = page.next();
                pages++;
            } while (cursor != null && pages < 40);
            assertThat(seen).as("pages of %d", size).isEqualTo(whole);
            assertThat(pages).as("pages of %d", size).isEqualTo((17 + size - 1) / size);
        }
    }

    @Test
    void aDispensingKnownFromBothIsShownOnceAsTheClaimLine() {
        LocalDate day = TODAY.minusDays(40);
        line(day, pharmacy, clinic, "2171022F2160", "アムロジピン錠5mg「サワイ」", 28, "内服");
        fresh(day, pharmacy, clinic, "2171022F2160", "アムロジピン錠5mg「サワイ」", 28, "内服");
        // Same day and drug at another pharmacy, and another drug at the same one: other dispensings.
        fresh(day, otherPharmacy, clinic, "2171022F2160", "アムロジピン錠5mg「サワイ」", 28, "内服");
        fresh(day, pharmacy, clinic, "2189017F1118", "ロスバスタチン錠2.5mg「DSEP」", 28, "内服");
        assertThat(repository.find(person, all(), null, 10).lines())
                .extracting(Dispensing::source, Dispensing::dispenserCode, Dispensing::drugCode)
                .containsExactlyInAnyOrder(tuple(Dispensing.Source.CLAIM, pharmacy, "2171022F2160"),
                        tuple(Dispensing.Source.E_PRESCRIPTION, otherPharmacy, "2171022F2160"),
                        tuple(Dispensing.Source.E_PRESCRIPTION, pharmacy, "2189017F1118"));
    }

    @Test
    void eprescriptionsOlderThanAHundredDaysAreNeverShown() {
        fresh(TODAY.minusDays(99), pharmacy, clinic, "2171022F2160", "アムロジピン錠5mg「サワイ」", 28, "内服");
        fresh(TODAY.minusDays(100), pharmacy, clinic, "2189017F1118", "ロスバスタチン錠2.5mg「DSEP」", 28, "内服");
        assertThat(repository.find(person, all(), null, 10).lines()).extracting(Dispensing::dispensedOn)
                .containsExactly(TODAY.minusDays(99));
        assertThat(repository.find(person, new DispensingFilter(TODAY.minusYears(1), null, null, null), null, 10).lines())
                .hasSize(1);
    }

    @Test
    void theFiltersNarrowTheEPrescriptionsTooAndTheirPharmaciesAreOffered() {
        fresh(TODAY.minusDays(3), pharmacy, clinic, "2171022F2160", "アムロジピン錠5mg「サワイ」", 28, "内服");
        fresh(TODAY.minusDays(20), otherPharmacy, clinic, "1149019F1560", "ロキソプロフェンNa錠60mg「サワイ」", 5, "内服");
        assertThat(repository.find(person, new DispensingFilter(null, null, otherPharmacy, null), null, 10).lines())
                .extracting(Dispensing::drugName).containsExactly("ロキソプロフェンNa錠60mg「サワイ」");
        assertThat(repository.find(person, new DispensingFilter(null, null, null, "ろきそ"), null, 10).lines())
                .extracting(Dispensing::dispensedOn).containsExactly(TODAY.minusDays(20));
        assertThat(repository.find(person, new DispensingFilter(TODAY.minusDays(10), TODAY, null, null), null, 10).lines())
                .extracting(Dispensing::dispensedOn).containsExactly(TODAY.minusDays(3));
        assertThat(repository.dispensers(person, TODAY.minusYears(3))).extracting(Institution::code)
                .containsExactlyInAnyOrder(pharmacy, otherPharmacy);
    }

    @Test
    void aDuplicateWithAnEPrescriptionIsFoundTheDayItIsDispensedAndALineKnownFromBothCountsOnce() {
        LocalDate day = TODAY.minusDays(40);
        line(day, pharmacy, clinic, "1149019F1560", "ロキソプロフェンNa錠60mg「サワイ」", 14, "内服");
        fresh(day, pharmacy, clinic, "1149019F1560", "ロキソプロフェンNa錠60mg「サワイ」", 14, "内服");
        fresh(day.plusDays(3), otherPharmacy, otherClinic, "1149019F1021", "ロキソニン錠60mg", 14, "内服");
        List<DuplicateDispensing> duplicates = repository.duplicates(person, TODAY.minusYears(1), TODAY);
        assertThat(duplicates).singleElement().satisfies(d -> {
            assertThat(d.firstFrom()).isEqualTo(day);
            assertThat(d.secondDrug()).isEqualTo("ロキソニン錠60mg");
            assertThat(d.secondFrom()).isEqualTo(day.plusDays(3));
        });
    }

    @Test
    void aBrandDrugLineCarriesTheCheapestGenericOfItsIngredientFormAndStrengthAtTheCopayOfTheDay() {
        for (String master : List.of("'599990001', 'テスト先発錠10mg', '錠', false, '9999001F1010', 20.6",
                "'599990002', 'テスト錠10mg「甲」', '錠', true, '9999001F1029', 12.5",
                "'599990003', 'テスト錠10mg「乙」', '錠', true, '9999001F1037', 10.4",
                "'599990004', 'テスト錠40mg「乙」', '錠', true, '9999001F3011', 5.0",
                "'599990005', 'テスト先発錠20mg', '錠', false, '9999001F2023', 30.0")) {
            jdbc.sql("insert into records.drug_master (drug_code, name, unit, generic, yj_code, price) values (" + master
                    + ") on conflict do nothing").update();
        }
        jdbc.sql("""
                insert into records.qualification (person_id, insurer_number, symbol, number, branch, relationship, copay_percent,
                                                   valid_from, valid_to)
                select :p, insurer_number, '', :number, '00', '本人', copay, valid_from, valid_to
                from (select insurer_number from records.insurer order by 1 limit 1) i,
                     (values (30, date '2020-01-01', date '2026-06-30'), (20, date '2026-07-01', null)) as v(copay, valid_from, valid_to)
                """).param("p", person.value()).param("number", person.value().toString().substring(0, 18)).update();
        jdbc.sql("""
                insert into records.dispensing (person_id, dispensed_on, dispenser_code, prescriber_code, drug_code, drug_name,
                                                generic, quantity, unit, usage, days, category)
                values (:p, date '2026-06-10', :pharmacy, :clinic, '9999001F1010', 'テスト先発錠10mg', false, 28, '錠', '朝', 28, '内服'),
                       (:p, date '2026-07-10', :pharmacy, :clinic, '9999001F1010', 'テスト先発錠10mg', false, 28, '錠', '朝', 28, '内服'),
                       (:p, date '2026-07-10', :pharmacy, :clinic, '9999001F1037', 'テスト錠10mg「乙」', true, 28, '錠', '朝', 28, '内服'),
                       (:p, date '2026-07-10', :pharmacy, :clinic, '9999001F2023', 'テスト先発錠20mg', false, 28, '錠', '朝', 28, '内服')
                """).param("p", person.value()).param("pharmacy", pharmacy).param("clinic", clinic).update();

        List<Dispensing> lines = repository.find(person, all(), null, 10).lines();

        assertThat(lines).filteredOn(l -> l.drugCode().equals("9999001F1010")).extracting(Dispensing::dispensedOn,
                Dispensing::cheaperGeneric).containsExactly(
                        tuple(LocalDate.of(2026, 7, 10), new CheaperGeneric(new BigDecimal("20.60"), new BigDecimal("10.40"), 20)),
                        tuple(LocalDate.of(2026, 6, 10), new CheaperGeneric(new BigDecimal("20.60"), new BigDecimal("10.40"), 30)));
        // A generic, and a brand drug with no generic of its own strength (a cheaper one of another strength does not count).
        assertThat(lines).filteredOn(l -> !l.drugCode().equals("9999001F1010")).extracting(Dispensing::cheaperGeneric)
                .containsOnlyNulls();
    }
}
