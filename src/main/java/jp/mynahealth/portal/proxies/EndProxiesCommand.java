package jp.mynahealth.portal.proxies;

import static jp.mynahealth.common.CommandLine.option;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import jp.mynahealth.common.CommonConfiguration;
import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.AccessLogProperties;
import jp.mynahealth.portal.access.Channel;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.PersonId;

/**
 * {@code --end-proxies-of=<person id> --operator=<officer> --office=<municipal office>}: a municipal
 * operator ends every proxy of a person at once and withdraws their open invitations (for a person
 * fleeing violence). It takes effect on each proxy's next request; it is logged, and written in the
 * person's history as done at the office.
 */
public final class EndProxiesCommand {

    private static final Logger log = LoggerFactory.getLogger(EndProxiesCommand.class);

    private EndProxiesCommand() {
    }

    public static boolean isRequested(String... args) {
        return option(args, "end-proxies-of").isPresent();
    }

    /** Returns the process exit code: 0 done (even when there was nothing to end), 2 refused. */
    public static int run(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).run(args)) {
            UUID person = UUID.fromString(option(args, "end-proxies-of").orElseThrow());
            String operator = option(args, "operator").filter(s -> !s.isBlank())
                    .orElseThrow(() -> new IllegalArgumentException("--operator=<officer> is needed"));
            String office = option(args, "office").filter(s -> !s.isBlank())
                    .orElseThrow(() -> new IllegalArgumentException("--office=<municipal office> is needed"));
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            Clock clock = context.getBean(Clock.class);
            TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
            boolean known = jdbc.sql("select exists (select 1 from records.person where person_id = :p)").param("p", person)
                    .query(Boolean.class).single();
            if (!known) {
                throw new IllegalArgumentException("no person " + person + " in the store");
            }
            ProxyGrantRepository grants = new ProxyGrantRepository(jdbc, clock);
            int[] ended = new int[2];
            transaction.executeWithoutResult(status -> {
                ended[0] = grants.endAllFor(person);
                ended[1] = jdbc.sql("""
                        update portal.proxy_invitation set withdrawn_at = :now
                        where principal_id = :p and accepted_at is null and withdrawn_at is null
                        """).param("now", java.sql.Timestamp.from(clock.instant())).param("p", person).update();
            });
            AccessLog accessLog = new AccessLog(jdbc, clock, transaction,
                    AccessLogProperties.from(context.getEnvironment()));
            accessLog.record(new Visit(new PersonId(person), Channel.OPERATOR, office), Action.END_PROXY, Result.OK);
            log.warn("Operator {} at {} ended every proxy of {}: {} grant(s), {} open invitation(s)", operator, office,
                    person, ended[0], ended[1]);
            System.out.printf("Ended %d proxy grant(s) and withdrew %d open invitation(s) of %s%n", ended[0], ended[1], person);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("Refused: " + e.getMessage());
            return 2;
        }
    }
}
