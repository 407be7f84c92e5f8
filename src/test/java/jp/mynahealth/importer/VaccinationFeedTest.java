package jp.mynahealth.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.importer.ImportReport.Outcome;
import jp.mynahealth.support.ReadStoreTest;
import jp.mynahealth.support.StoreLogins;

/**
 * The municipal vaccination feed into the real store, from the fixtures in
 * src/test/resources/importer/vaccinations: a child, 試験 みらい (born 31 May 2021), arrives with a
 * qualification; her records are imported, corrected, and bad files are refused whole.
 */
@ReadStoreTest
class VaccinationFeedTest {

    private static final UUID MIRAI = UUID.fromString("0a5c1e2d-6f3b-4c8e-9d2a-7b1f3e5a9c01");

    @Autowired
    FeedImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @TempDir
    Path folder;

    @BeforeEach
    void theChildIsKnown() throws IOException {
        ImportReport persons = importer.importFile(fixture("persons.csv"), false);
        assertThat(persons.outcome()).isIn(Outcome.IMPORTED, Outcome.ALREADY_IMPORTED);
    }

    private Path fixture(String name) throws IOException {
        Path file = folder.resolve(name);
        try (var in = getClass().getResourceAsStream("/importer/vaccinations/" + name)) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private List<String> records() {
        return jdbc.sql("""
                select record_ref || ' ' || vaccine_code || ' ' || dose_number || ' ' || given_on || ' ' || coalesce(lot_number, '-')
                       || ' ' || place
                from records.vaccination where person_id = :p order by record_ref
                """).param("p", MIRAI).query(String.class).list();
    }

    @Test
    void recordsAreImportedTheUnknownKeptApartAndALaterLineCorrectsOne() throws IOException {
        ImportReport report = importer.importFile(fixture("good.csv"), false);

        assertThat(report.kind()).isEqualTo(FeedKind.VACCINATIONS);
        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(report.records()).isEqualTo(6);
        assertThat(report.unmatched()).isEqualTo(2);
        assertThat(report.unmatchedByReason()).isEqualTo(Map.of("birth_date_differs", 1L, "unknown_person", 1L));
        assertThat(records()).containsExactly(
                "T-0001 DPT-IPV 1 2021-08-02 AB101C みどりこどもクリニック",
                "T-0002 HIB 1 2021-08-02 HB201D みどりこどもクリニック",
                "T-0003 BCG 1 2021-11-15 - 千代田区保健センター",
                "T-0004 MR 1 2022-06-06 MR301E みどりこどもクリニック, 分院");
        // What matched nobody is the importer's to read, not the portal's.
        assertThat(StoreLogins.importer(context).sql("""
                select record_number || ' ' || reason || ' ' || (content ->> 'record_ref') from records.unmatched
                where kind = 'vaccination' and file_hash = :hash order by record_number
                """).param("hash", report.hash()).query(String.class).list())
                .containsExactly("6 unknown_person T-0005", "7 birth_date_differs T-0006");
        assertThat(jdbc.sql("select complete_through from records.data_as_of where data_kind = 'vaccination'")
                .query(LocalDate.class).single()).isAfterOrEqualTo(LocalDate.of(2026, 11, 20));

        assertThat(importer.importFile(fixture("good.csv"), false).outcome()).isEqualTo(Outcome.ALREADY_IMPORTED);
        ImportReport correction = importer.importFile(fixture("correction.csv"), false);
        assertThat(correction.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(records()).hasSize(4).first().isEqualTo("T-0001 DPT-IPV 1 2021-08-03 AB101C みどりこどもクリニック");
    }

    @Test
    void anUnknownVaccineRefusesTheFile() throws IOException {
        assertRefused("unknown-vaccine.csv", tuple(2L, "vaccine_code"));
    }

    @Test
    void aDoseNumberOutOfRangeRefusesTheFile() throws IOException {
        assertRefused("dose-out-of-range.csv", tuple(2L, "dose_number"));
        Path zero = folder.resolve("zero.csv");
        Files.writeString(zero, CsvFeed.VACCINATIONS.header() + "\r\n2026-11-20,131016,T-0109," + MIRAI
                + ",2021-05-31,MR,0,2022-06-06,MR109A,みどりこどもクリニック\r\n");
        ImportReport report = importer.importFile(zero, false);
        assertThat(report.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(report.problems()).extracting(Problem::recordNumber, Problem::field).containsExactly(tuple(2L, "dose_number"));
    }

    /** The test clock says 24 November 2026: a dose after the day it was recorded, or a record dated later, is refused. */
    @Test
    void aDayInTheFutureRefusesTheFile() throws IOException {
        assertRefused("given-in-the-future.csv", tuple(2L, "given_on"), tuple(3L, "recorded_on"));
    }

    @Test
    void aDoseBeforeBirthRefusesTheFile() throws IOException {
        assertRefused("given-before-birth.csv", tuple(2L, "given_on"));
    }

    @Test
    void aDuplicateLineRefusesTheFile() throws IOException {
        assertRefused("duplicate-line.csv", tuple(3L, "record_ref"));
        assertRefused("duplicate-dose.csv", tuple(3L, ""));
    }

    private void assertRefused(String name, org.assertj.core.groups.Tuple... problems) throws IOException {
        List<String> before = records();
        ImportReport report = importer.importFile(fixture(name), false);
        assertThat(report.outcome()).as(name).isEqualTo(Outcome.REFUSED);
        assertThat(report.problems()).as(name).extracting(Problem::recordNumber, Problem::field).containsExactly(problems);
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.reasonJa()).isNotBlank());
        assertThat(records()).as("nothing of a refused file is written").isEqualTo(before);
        assertThat(StoreLogins.importer(context).sql("select count(*) from records.import_file where file_hash = :h").param("h", report.hash())
                .query(Long.class).single()).isZero();
    }
}
