package jp.mynahealth.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.mynahealth.common.database.ImporterDataSource;
import jp.mynahealth.importer.ImportReport.Outcome;
import jp.mynahealth.support.ReadStoreTest;

/** The e-prescription event stream (src/docs/e-prescriptions.md) into the real store: what it takes, and what it refuses. */
@ReadStoreTest
class EPrescriptionFeedTest {

    private static final LocalDate TODAY = LocalDate.parse(ReadStoreTest.TODAY);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    FeedImporter importer;

    @Autowired
    JdbcClient jdbc;

    JdbcClient writer;

    @TempDir
    Path folder;

    UUID person;
    String insurer;
    String number;
    String pharmacy;
    String clinic;
    String prefix;

    @Autowired
    void importerLogin(ImporterDataSource importerDataSource) {
        writer = JdbcClient.create(importerDataSource.dataSource());
    }

    /** A person of their own, insured since 2020, for every test. */
    @BeforeEach
    void aNewInsuredPerson() {
        person = UUID.randomUUID();
        prefix = "t-" + person.toString().substring(0, 8) + "-";
        insurer = jdbc.sql("select insurer_number from records.insurer where kind = '健康保険組合' order by 1 limit 1")
                .query(String.class).single();
        number = String.valueOf(800_000_000L + (long) (Math.random() * 99_999_999));
        pharmacy = jdbc.sql("select institution_code from records.institution where kind = '薬局' order by 1 limit 1")
                .query(String.class).single();
        clinic = jdbc.sql("select institution_code from records.institution where kind = '診療所' order by 1 limit 1")
                .query(String.class).single();
        writer.sql("insert into records.person values (:p, 'テスト', '処方子', 'テスト', 'ショホウコ', date '1975-04-01', 2, '131016')")
                .param("p", person).update();
        writer.sql("""
                insert into records.qualification (person_id, insurer_number, symbol, number, branch, relationship, copay_percent,
                                                   valid_from)
                values (:p, :insurer, '7001', :number, '00', '本人', 30, date '2020-04-01')
                """).param("p", person).param("insurer", insurer).param("number", number).update();
    }

    private Map<String, Object> event(String id, String kind, LocalDate day) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_id", prefix + id);
        event.put("kind", kind);
        event.put("occurred_at", day + "T09:30:00+09:00");
        event.put("insurer_number", insurer);
        event.put("symbol", "7001");
        event.put("number", number);
        event.put("branch", "00");
        event.put("name", "テスト　処方子");
        event.put("birth_date", "1975-04-01");
        if (kind.equals("cancelled")) {
            event.put("institution_code", pharmacy);
            return event;
        }
        event.put("institution_code", kind.equals("prescribed") ? clinic : pharmacy);
        event.put("prescription_id", prefix + "rx1");
        event.put(kind.equals("prescribed") ? "prescribed_on" : "dispensed_on", day.toString());
        event.put("drug_code", "2171022F2160");
        event.put("drug_name", "アムロジピン錠5mg「サワイ」");
        event.put("quantity", 28);
        event.put("unit", "錠");
        event.put("usage", "1日1回朝食後");
        event.put("days", 28);
        event.put("category", "内服");
        return event;
    }

    private Path file(String name, Object... lines) throws IOException {
        List<String> text = new ArrayList<>();
        for (Object line : lines) {
            text.add(line instanceof String raw ? raw : JSON.writeValueAsString(line));
        }
        return Files.writeString(folder.resolve(name), String.join("\n", text) + "\n", StandardCharsets.UTF_8);
    }

    private List<String> held() {
        return jdbc.sql("""
                select kind || ' ' || event_id || ' ' || happened_on || ' ' || coalesce(prescriber_code, '-') || ' ' || coalesce(generic::text, '-')
                from records.e_prescription where person_id = :p order by line_id
                """).param("p", person).query(String.class).list();
    }

    @Test
    void aPrescriptionAndItsDispensingAreTakenAndTheDispensingNamesItsPrescriber() throws IOException {
        Path file = file("erx.jsonl", event("p1", "prescribed", TODAY.minusDays(1)), event("d1", "dispensed", TODAY));
        assertThat(FeedKinds.detect(file)).contains(FeedKind.E_PRESCRIPTIONS);

        ImportReport report = importer.importFile(file, false);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(report.records()).isEqualTo(2);
        assertThat(held()).containsExactly("prescribed " + prefix + "p1 " + TODAY.minusDays(1) + " - true",
                "dispensed " + prefix + "d1 " + TODAY + " " + clinic + " true");
        assertThat(jdbc.sql("select latest_event_at >= :t from records.data_as_of where data_kind = 'e_prescription'")
                .param("t", java.time.OffsetDateTime.parse(TODAY + "T09:30:00+09:00")).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aDispensingBeforeItsPrescriptionGetsThePrescriberWhenThePrescriptionComes() throws IOException {
        importer.importFile(file("first.jsonl", event("d1", "dispensed", TODAY)), false);
        assertThat(held()).containsExactly("dispensed " + prefix + "d1 " + TODAY + " - true");
        importer.importFile(file("second.jsonl", event("p1", "prescribed", TODAY)), false);
        assertThat(held()).contains("dispensed " + prefix + "d1 " + TODAY + " " + clinic + " true");
    }

    @Test
    void anEventDeliveredAgainChangesNothingAndACancellationWithdrawsItsEventEvenOneThatComesLate() throws IOException {
        importer.importFile(file("a.jsonl", event("d1", "dispensed", TODAY)), false);
        ImportReport again = importer.importFile(file("b.jsonl", event("d1", "dispensed", TODAY), " "), false);
        assertThat(again.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(held()).hasSize(1);

        Map<String, Object> cancel = event("c1", "cancelled", TODAY);
        cancel.put("cancels", prefix + "d1");
        Map<String, Object> cancelLate = event("c2", "cancelled", TODAY);
        cancelLate.put("cancels", prefix + "d2");
        importer.importFile(file("c.jsonl", cancel, cancelLate), false);
        assertThat(held()).containsExactly("cancelled " + prefix + "c1 " + TODAY + " - -",
                "cancelled " + prefix + "c2 " + TODAY + " - -");

        importer.importFile(file("d.jsonl", event("d2", "dispensed", TODAY)), false);
        assertThat(held()).noneMatch(line -> line.startsWith("dispensed"));
    }

    @Test
    void anEventForNobodyIsKeptApartAsUnmatched() throws IOException {
        Map<String, Object> stranger = event("d1", "dispensed", TODAY);
        stranger.put("number", "1");
        Map<String, Object> otherBirthDate = event("d2", "dispensed", TODAY);
        otherBirthDate.put("birth_date", "1975-04-02");

        ImportReport report = importer.importFile(file("nobody.jsonl", stranger, otherBirthDate), false);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(report.unmatched()).isEqualTo(2);
        assertThat(report.unmatchedByReason()).containsEntry("no_qualification", 1L).containsEntry("birth_date_differs", 1L);
        assertThat(held()).isEmpty();
        assertThat(writer.sql("select count(*) from records.unmatched where kind = 'e_prescription' and content->>'event_id' like :p")
                .param("p", prefix + "%").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void onlyTheLastHundredDaysAreKeptAndAnImportRemovesWhatIsOlder() throws IOException {
        LocalDate oldestKept = TODAY.minusDays(99);
        importer.importFile(file("edge.jsonl", event("d1", "dispensed", oldestKept), event("d0", "dispensed", oldestKept.minusDays(1))),
                false);
        assertThat(held()).containsExactly("dispensed " + prefix + "d1 " + oldestKept + " - true");

        writer.sql("update records.e_prescription set happened_on = happened_on - 1 where person_id = :p").param("p", person)
                .update();
        importer.importFile(file("later.jsonl", event("d9", "dispensed", TODAY)), false);
        assertThat(held()).containsExactly("dispensed " + prefix + "d9 " + TODAY + " - true");
    }

    @Test
    void badLinesRefuseTheWholeFileNamingLineAndMember() throws IOException {
        Map<String, Object> unknownKind = event("d2", "dispensed", TODAY);
        unknownKind.put("kind", "delivered");
        Map<String, Object> future = event("d3", "dispensed", TODAY.plusDays(1));
        Map<String, Object> wrongTypes = event("d4", "dispensed", TODAY);
        wrongTypes.put("quantity", "28");
        wrongTypes.put("days", 0);
        wrongTypes.put("category", "飲み薬");
        Map<String, Object> missing = event("d5", "dispensed", TODAY);
        missing.remove("drug_code");
        Path file = file("bad.jsonl", event("d1", "dispensed", TODAY), "{\"event_id\": \"x\", \"kind\": ", unknownKind, future,
                wrongTypes, missing, "[1, 2]", "{\"event_id\": \"a\", \"event_id\": \"b\"}");

        ImportReport report = importer.importFile(file, false);

        assertThat(report.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(report.problems()).extracting(Problem::recordNumber, Problem::field).contains(tuple(2L, ""),
                tuple(3L, "kind"), tuple(4L, "dispensed_on"), tuple(4L, "occurred_at"), tuple(5L, "quantity"),
                tuple(5L, "days"), tuple(5L, "category"), tuple(6L, "drug_code"), tuple(7L, ""), tuple(8L, ""));
        assertThat(report.problems()).filteredOn(p -> p.recordNumber() == 2).singleElement()
                .satisfies(p -> assertThat(p.reasonJa()).startsWith("JSONとして読めません"));
        assertThat(report.problems()).filteredOn(p -> p.recordNumber() == 4 && p.field().equals("dispensed_on"))
                .singleElement().satisfies(p -> assertThat(p.reasonEn()).isEqualTo("a date in the future"));
        assertThat(held()).isEmpty();
    }

    @Test
    void theSameEventIdTwiceOrAnUnknownInstitutionRefusesTheFile() throws IOException {
        ImportReport twice = importer.importFile(file("twice.jsonl", event("d1", "dispensed", TODAY),
                event("p1", "prescribed", TODAY), event("d1", "dispensed", TODAY)), false);
        assertThat(twice.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(twice.problems()).extracting(Problem::recordNumber, Problem::field).containsExactly(tuple(3L, "event_id"));

        Map<String, Object> unknownPharmacy = event("d1", "dispensed", TODAY);
        unknownPharmacy.put("institution_code", "1399999999");
        ImportReport unknown = importer.importFile(file("unknown.jsonl", event("p1", "prescribed", TODAY), unknownPharmacy),
                false);
        assertThat(unknown.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(unknown.problems()).extracting(Problem::recordNumber, Problem::field)
                .containsExactly(tuple(2L, "institution_code"));
        assertThat(held()).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws IOException {
        Path file = folder.resolve("sjis.jsonl");
        Files.write(file, JSON.writeValueAsString(event("d1", "dispensed", TODAY)).getBytes(java.nio.charset.Charset.forName("Shift_JIS")));
        ImportReport report = importer.importFile(file, false);
        assertThat(report.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(report.problems().get(0).reasonEn()).contains("UTF-8");
    }
}
