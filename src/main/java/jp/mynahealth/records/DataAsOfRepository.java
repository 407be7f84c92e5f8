package jp.mynahealth.records;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Up to when each kind of data in the read store is complete. */
@Repository
public class DataAsOfRepository {

    /** The data kinds of {@code records.data_as_of}. */
    public enum DataKind {
        QUALIFICATION("qualification"), DISPENSING("dispensing"), CHECKUP("checkup"), COST_NOTICE("cost_notice");

        private final String code;

        DataKind(String code) {
            this.code = code;
        }
    }

    private final JdbcClient jdbc;

    DataAsOfRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LocalDate> completeThrough(DataKind kind) {
        return jdbc.sql("select complete_through from records.data_as_of where data_kind = :kind")
                .param("kind", kind.code)
                .query(LocalDate.class)
                .optional();
    }
}
