package jp.mynahealth.portal.notices;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

import jp.mynahealth.common.ClockConfiguration;
import jp.mynahealth.common.database.ReadStore;

/**
 * The card's certificate expires soon, or has expired and the card still works as an insurance
 * card. Only the certificate that lasts longest counts: once a renewed one is linked, the old one's
 * expiry is no news.
 */
@Component
class CardCertificateNotices implements NoticeSource {

    private final ReadStore store;

    CardCertificateNotices(ReadStore store) {
        this.store = store;
    }

    @Override
    public List<Notice> notices(NoticeContext context) {
        Optional<LocalDate> expires = store.jdbc().sql("""
                select max(not_after) from records.card_certificate where person_id = :person and status = 'active'
                """)
                .param("person", context.person().id().value())
                .query((row, n) -> row.getTimestamp(1) == null ? null
                        : row.getTimestamp(1).toInstant().atZone(ClockConfiguration.JAPAN).toLocalDate())
                .list().stream().filter(Objects::nonNull).findFirst();
        if (expires.isEmpty()) {
            return List.of();
        }
        LocalDate day = expires.get();
        return CertificateExpiry.on(day, context.today()).map(stage -> switch (stage) {
            case RENEW_SOON -> new Notice("card-certificate:" + day + ":renew", CertificateExpiry.renewableFrom(day),
                    "notices.card.renew.title", "notices.card.renew.text", List.of(day), "/notices#renewal",
                    "notices.action.renewal");
            case INSURANCE_GRACE -> new Notice("card-certificate:" + day + ":expired", day.plusDays(1),
                    "notices.card.expired.title", "notices.card.expired.text",
                    List.of(day, CertificateExpiry.insuranceUntil(day)), "/notices#renewal", "notices.action.renewal");
        }).stream().toList();
    }
}
