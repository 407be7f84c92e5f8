package jp.mynahealth.portal.access;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends one row per view or change of a person's data, so the citizen can see every access. */
@Repository
public class AccessLog {

    /** What was done; the citizen's access history shows these by name. */
    public enum Action {
        VIEW_DASHBOARD, VIEW_QUALIFICATION, REVEAL_INSURANCE_NUMBER, VIEW_REGISTRATION, REGISTER_CARD_USE,
        CANCEL_CARD_USE, VIEW_DRUGS, VIEW_CHECKUPS, VIEW_CHECKUP, VIEW_CHECKUP_TREND, VIEW_COSTS, VIEW_TAX_YEAR,
        DOWNLOAD_TAX_XML, DOWNLOAD_TAX_XLSX, VIEW_TAX_STATEMENT, VIEW_HISTORY
    }

    /** How it ended. */
    public enum Result {
        OK, REFUSED, NOT_FOUND, ERROR
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Visit visit, Action action, Result result) {
        jdbc.sql("""
                insert into portal.access_log (person_id, occurred_at, action, channel, terminal_id, result)
                values (:person, :at, :action, :channel, :terminal, :result)
                """)
                .param("person", visit.person().value())
                .param("at", Timestamp.from(clock.instant()))
                .param("action", action.name().toLowerCase(java.util.Locale.ROOT))
                .param("channel", visit.channel().code())
                .param("terminal", visit.terminalId())
                .param("result", result.name().toLowerCase(java.util.Locale.ROOT))
                .update();
    }
}
