package jp.mynahealth.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.records.DataAsOfRepository.DataKind;
import jp.mynahealth.support.ReadStoreTest;

@ReadStoreTest
class DataAsOfRepositoryTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataAsOfRepository repository;

    @Test
    void everyKindIsCompleteThroughTheStoresDateFromOneReadOfAll() {
        for (DataKind kind : DataKind.values()) {
            LocalDate stored = jdbc.sql("select complete_through from records.data_as_of where data_kind = :kind")
                    .param("kind", kind.name().toLowerCase()).query(LocalDate.class).single();
            assertThat(repository.completeThrough(kind)).as(kind.name()).contains(stored);
        }
    }

    /** A stream's as-of is a time: the newest e-prescription event taken (the demo's is 見本 太郎's dispensing at 9:30). */
    @Test
    void theEPrescriptionsAreAsOfTheirNewestEvent() {
        assertThat(repository.latestEvent(DataKind.E_PRESCRIPTION))
                .contains(java.time.OffsetDateTime.parse("2026-11-24T09:30:00+09:00").toInstant());
        assertThat(repository.latestEvent(DataKind.DISPENSING)).isEmpty();
    }
}
