package jp.mynahealth.portal.proxies;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jp.mynahealth.common.ClockConfiguration;
import jp.mynahealth.importer.demo.DemoDataGenerator;
import jp.mynahealth.records.PersonId;

/**
 * The demo family's proxies, made once by the portal (they are its records): 見本 太郎 and 花子 are
 * さくら's legal representatives, 太郎 is his father 一郎's chosen proxy for drugs and costs, and an
 * invitation from 花子 to 太郎 waits, with a code the README gives ({@link #HANAKO_INVITATION}).
 * Only with {@code myna.demo.enabled}, and once: a used or expired demo invitation stays so (a test
 * makes its own).
 */
@Component
@ConditionalOnProperty(name = "myna.demo.enabled", havingValue = "true")
class DemoProxies implements ApplicationRunner {

    /** The demo invitation's code: public, like the demo cards' PINs, and only ever in the demo. */
    static final String HANAKO_INVITATION = "HANA-K0DA-M0TE";

    private static final Logger log = LoggerFactory.getLogger(DemoProxies.class);

    private final ProxyGrantRepository grants;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoProxies(ProxyGrantRepository grants, JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.grants = grants;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            // One runner at a time across instances: two portals starting together must not both make them.
            jdbc.sql("select pg_advisory_xact_lock(hashtext('myna.demo.proxies'))").query().singleValue();
            boolean present = jdbc.sql("select exists (select 1 from records.person where person_id = :p)")
                    .param("p", DemoDataGenerator.SAKURA).query(Boolean.class).single();
            if (!present) {
                return;
            }
            LocalDate today = LocalDate.now(clock.withZone(ClockConfiguration.JAPAN));
            if (!any("select exists (select 1 from portal.proxy_grant where principal_id in (:sakura, :ichiro))")) {
                LocalDate sakuraBorn = jdbc.sql("select birth_date from records.person where person_id = :p")
                        .param("p", DemoDataGenerator.SAKURA).query(LocalDate.class).single();
                for (UUID parent : new UUID[] { DemoDataGenerator.TARO, DemoDataGenerator.HANAKO }) {
                    grants.create(new PersonId(DemoDataGenerator.SAKURA), new PersonId(parent), ProxyGrant.LEGAL,
                            EnumSet.allOf(ProxyScope.class), sakuraBorn, LegalAges.lastDayAsMinor(sakuraBorn), null);
                }
                grants.create(new PersonId(DemoDataGenerator.ICHIRO), new PersonId(DemoDataGenerator.TARO), ProxyGrant.CHOSEN,
                        EnumSet.of(ProxyScope.DRUGS, ProxyScope.COSTS), today, today.plusYears(3).minusDays(1), null);
                log.info("Demo proxies made: 太郎 and 花子 for さくら (legal), 太郎 for 一郎 (drugs and costs)");
            }
            byte[] hash = InvitationCode.hash(InvitationCode.normalize(HANAKO_INVITATION).orElseThrow());
            boolean open = jdbc.sql("""
                    select exists (select 1 from portal.proxy_invitation where code_hash = :hash)
                    """).param("hash", hash).query(Boolean.class).single();
            if (!open) {
                jdbc.sql("""
                        insert into portal.proxy_invitation (principal_id, code_hash, scopes, grant_until, created_at, expires_at)
                        values (:principal, :hash, array['drugs', 'checkups', 'costs', 'etax'], :until, :now, :expires)
                        """).param("principal", DemoDataGenerator.HANAKO).param("hash", hash)
                        .param("until", today.plusYears(1).minusDays(1)).param("now", Timestamp.from(clock.instant()))
                        .param("expires", Timestamp.from(clock.instant().plus(InvitationRepository.VALID_FOR))).update();
                log.info("Demo invitation from 花子 made: code {}", HANAKO_INVITATION);
            }
        });
    }

    private boolean any(String sql) {
        return jdbc.sql(sql).param("sakura", DemoDataGenerator.SAKURA).param("ichiro", DemoDataGenerator.ICHIRO)
                .query(Boolean.class).single();
    }
}
