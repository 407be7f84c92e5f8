package jp.mynahealth.portal.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends one row per view or change of a person's data, so the citizen can see every access. Each
 * row joins its person's chain (one of {@link AccessLogChains#CHAINS}): the chain's head row is
 * locked for the append, the row's HMAC is computed here with a key the database never sees.
 */
@Repository
public class AccessLog {

    /** What was done; the citizen's access history shows these by name. */
    public enum Action {
        VIEW_DASHBOARD, VIEW_QUALIFICATION, REVEAL_INSURANCE_NUMBER, VIEW_REGISTRATION, REGISTER_CARD_USE,
        CANCEL_CARD_USE, VIEW_DRUGS, VIEW_CHECKUPS, VIEW_CHECKUP, VIEW_CHECKUP_TREND, VIEW_COSTS, VIEW_TAX_YEAR,
        DOWNLOAD_TAX_XML, DOWNLOAD_TAX_XLSX, VIEW_TAX_STATEMENT, VIEW_HISTORY, VIEW_VACCINATIONS, VIEW_CARE,
        /** A proxy began or ended acting for the person; the principal's own choices about proxies. */
        START_ACTING, STOP_ACTING, INVITE_PROXY, ACCEPT_INVITATION, END_PROXY, REGISTER_LEGAL_REPRESENTATIVE,
        /** The notices inbox: viewed, and one notice read. */
        VIEW_NOTICES, READ_NOTICE,
        /** Connected apps: the list, a consent ended by the citizen, and each read an app made through the API. */
        VIEW_APPS, DISCONNECT_APP, API_PATIENT, API_COVERAGE, API_DRUGS, API_CHECKUPS, API_COSTS, API_TAX_NOTICE,
        /** The data download page, and the whole record downloaded as a FHIR Bundle or a patient summary (IPS). */
        VIEW_DOWNLOADS, DOWNLOAD_FHIR_BUNDLE, DOWNLOAD_PATIENT_SUMMARY
    }

    /** How it ended. */
    public enum Result {
        OK, REFUSED, NOT_FOUND, ERROR
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ChainKey key;

    @Autowired
    public AccessLog(JdbcClient jdbc, Clock clock, TransactionTemplate transaction, AccessLogProperties properties) {
        this(jdbc, clock, transaction, ChainKey.loadOrCreate(properties.keyFile()));
    }

    AccessLog(JdbcClient jdbc, Clock clock, TransactionTemplate transaction, ChainKey key) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = transaction;
        this.key = key;
    }

    public void record(Visit visit, Action action, Result result) {
        UUID person = visit.person().value();
        UUID actor = visit.byProxy() ? visit.actor().value() : null;
        // The database keeps microseconds: the hash covers what it will give back.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String actionName = action.name().toLowerCase(Locale.ROOT);
        String resultName = result.name().toLowerCase(Locale.ROOT);
        int chain = AccessLogChains.chainOf(person);
        transaction.executeWithoutResult(status -> {
            record Head(long seq, byte[] hash, long logId) {
            }
            Head head = jdbc.sql("""
                    select chain_seq + 1, row_hash, nextval('portal.access_log_id_seq')
                    from portal.access_log_chain where chain_id = :chain for update
                    """).param("chain", chain).query((row, n) -> new Head(row.getLong(1), row.getBytes(2), row.getLong(3)))
                    .single();
            byte[] hash = key.rowHash(head.hash(), AccessLogChains.content(chain, head.seq(), head.logId(), person, at,
                    actionName, visit.channel().code(), visit.terminalId(), resultName, actor));
            // The row and the chain's new head in one statement: a round trip less while the head is locked.
            jdbc.sql("""
                    with head as (
                        update portal.access_log_chain set chain_seq = :seq, row_hash = :hash where chain_id = :chain
                    )
                    insert into portal.access_log (person_id, log_id, occurred_at, action, channel, terminal_id, result,
                                                   chain_id, chain_seq, prev_hash, row_hash, actor_id)
                    values (:person, :id, :at, :action, :channel, :terminal, :result, :chain, :seq, :prev, :hash, :actor)
                    """)
                    .param("person", person).param("id", head.logId()).param("at", Timestamp.from(at))
                    .param("action", actionName).param("channel", visit.channel().code())
                    .param("terminal", visit.terminalId()).param("result", resultName).param("chain", chain)
                    .param("seq", head.seq()).param("prev", head.hash()).param("hash", hash).param("actor", actor).update();
        });
    }
}
