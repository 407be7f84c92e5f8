package jp.mynahealth.common.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An optional streaming replica for the record pages ({@code myna.read-store.replica-*}). Without a
 * URL every read goes to the primary, as it always did.
 *
 * @param replicaUrl      JDBC URL of a hot standby of the primary
 * @param replicaUsername its user (a read-only role does)
 * @param replicaPassword its password
 * @param maxLag          how far behind the primary the replica may be and still be read
 * @param checkEvery      how often its state is looked at (between looks, the last answer holds)
 */
@ConfigurationProperties("myna.read-store")
public record ReplicaProperties(String replicaUrl, String replicaUsername, String replicaPassword, Duration maxLag,
        Duration checkEvery) {

    public ReplicaProperties {
        maxLag = maxLag == null ? Duration.ofSeconds(10) : maxLag;
        checkEvery = checkEvery == null ? Duration.ofSeconds(2) : checkEvery;
    }

    boolean configured() {
        return replicaUrl != null && !replicaUrl.isBlank();
    }
}
