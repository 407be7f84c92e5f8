package jp.mynahealth.portal.access;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import jp.mynahealth.common.ClockConfiguration;
import jp.mynahealth.records.PersonId;

/**
 * Writes an access-log row dated before the tests' fixed day, through the portal's own keyed append
 * (so the chains stay valid): a person who "was here before", for what depends on the previous visit.
 */
public final class EarlierVisits {

    private EarlierVisits() {
    }

    public static void visited(ApplicationContext portal, PersonId person, Instant at) {
        AccessLogProperties properties = portal.getBean(AccessLogProperties.class);
        AccessLog log = new AccessLog(portal.getBean(JdbcClient.class), Clock.fixed(at, ClockConfiguration.JAPAN),
                portal.getBean(TransactionTemplate.class), ChainKey.loadOrCreate(properties.keyFile()));
        log.record(new Visit(person, Channel.WEB, null), AccessLog.Action.VIEW_DASHBOARD, AccessLog.Result.OK);
    }
}
