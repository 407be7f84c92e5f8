package jp.mynahealth.ca;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jp.mynahealth.common.database.DataFolder;

/**
 * On the issuer's first start: the hierarchy, then the demo cards named in README.md, all with PIN
 * 1234 — one per 見本 family member, and {@code revoked}, {@code expired} and {@code unlinked}.
 */
@Component
class DemoCards implements ApplicationRunner {

    static final UUID TARO = UUID.fromString("70304382-bb87-4298-9e13-ffc86a5ff41c");
    static final UUID HANAKO = UUID.fromString("db6787d1-617e-49f2-91ef-af70e5b1f0ea");
    static final UUID ICHIRO = UUID.fromString("4d2cac20-7cee-4fa7-aa1d-b65443bcb1d6");
    static final UUID SAKURA = UUID.fromString("a7408f4f-2fb2-430b-bfe4-3ce7ee22e335");
    private static final Logger log = LoggerFactory.getLogger(DemoCards.class);

    private final CardIssuer issuer;
    private final CaProperties properties;
    private final DataFolder data;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoCards(CardIssuer issuer, CaProperties properties, DataFolder data, JdbcClient jdbc, Clock clock) {
        this.issuer = issuer;
        this.properties = properties;
        this.data = data;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (IssuerKeys.exist(data)) {
            return;
        }
        issuer.keys();
        String pin = properties.demoPin();
        issue("taro", TARO, pin, "見本 太郎");
        issue("hanako", HANAKO, pin, "見本 花子");
        issue("ichiro", ICHIRO, pin, "見本 一郎");
        issue("sakura", SAKURA, pin, "見本 さくら");
        issue("revoked", HANAKO, pin, "失効済みカード（見本）");
        issuer.revoke("revoked");
        Instant now = clock.instant();
        if (present(ICHIRO)) {
            issuer.issue("expired", ICHIRO, pin, "期限切れカード（見本）", now.minus(Duration.ofDays(6 * 365)),
                    now.minus(Duration.ofDays(365)));
        }
        issuer.issue("unlinked", null, pin, "未登録カード（見本）");
        log.info("Issued the demo cards (PIN {}) into {}", pin, data.resolve("cards"));
    }

    private void issue(String cardId, UUID person, String pin, String label) {
        issuer.issue(cardId, present(person) ? person : null, pin, label);
    }

    /** A store without the demo family (MYNA_DEMO_ENABLED=false) still gets cards, unlinked. */
    private boolean present(UUID person) {
        boolean found = jdbc.sql("select count(*) from records.person where person_id = :p").param("p", person)
                .query(Long.class).single() > 0;
        if (!found) {
            log.warn("Demo person {} is not in the read store: card left unlinked", person);
        }
        return found;
    }
}
