package jp.mynahealth.portal.insurance;

import java.time.Instant;

/** A card-use registration (健康保険証利用の申込み); cancelled ones are kept as history. */
public record Registration(long id, Instant registeredAt, String channel, Instant cancelledAt) {

    public boolean active() {
        return cancelledAt == null;
    }
}
