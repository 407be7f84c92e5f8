package jp.mynahealth.records;

import static org.assertj.core.api.Assertions.assertThat;

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
}
