package jp.mynahealth.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.common.database.ImporterDataSource;
import jp.mynahealth.support.ReadStoreTest;

@ReadStoreTest
class CostNoticeRepositoryTest {

    /** Test data goes into the read store as all data does: with the importer's login. */
    JdbcClient jdbc;

    @Autowired
    void importerLogin(ImporterDataSource importer) {
        jdbc = JdbcClient.create(importer.dataSource());
    }

    @Autowired
    CostNoticeRepository repository;

    @Test
    void aYearHoldsExactlyItsServiceMonthsAndItsTotalsMatchTheStore() {
        PersonId person = new PersonId(UUID.randomUUID());
        jdbc.sql("insert into records.person values (:p, 'テスト', '費子', 'テスト', 'ヒコ', date '1960-02-29', 2, '131016')")
                .param("p", person.value()).update();
        String clinic = jdbc.sql("select institution_code from records.institution where kind = '診療所' limit 1").query(String.class).single();
        String insurer = jdbc.sql("select insurer_number from records.insurer limit 1").query(String.class).single();
        for (LocalDate month : new LocalDate[] { LocalDate.of(2024, 12, 1), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1),
            LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 1) }) {
            jdbc.sql("""
                    insert into records.cost_notice (person_id, service_month, institution_code, insurer_number, category, days,
                                                     total_cost, insurer_share, patient_share)
                    values (:p, :m, :c, :i, '外来', 1, 10000, 7000, 3000)
                    """).param("p", person.value()).param("m", month).param("c", clinic).param("i", insurer).update();
        }
        var year = repository.ofYear(person, 2025);
        assertThat(year).extracting(CostNotice::serviceMonth)
                .containsExactly(YearMonth.of(2025, 1), YearMonth.of(2025, 2), YearMonth.of(2025, 12));
        assertThat(CostSummary.of(year).all()).isEqualTo(new CostSummary.Totals(3, 30_000, 9_000));
        assertThat(repository.years(person)).containsExactly(2026, 2025, 2024);
    }
}
