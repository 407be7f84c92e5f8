package jp.mynahealth.portal.access;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * How rows are spread over chains and what a row's hash covers. 64 chains by person: appending
 * locks one chain's head, so requests for different people rarely wait on each other, and one
 * person's rows stay in order in one chain.
 */
final class AccessLogChains {

    static final int CHAINS = 64;
    /** The chain of the rows written before the chains were keyed (plain SHA-256, checked in SQL). */
    static final int LEGACY = -1;

    private static final DateTimeFormatter UTC_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AccessLogChains() {
    }

    static int chainOf(UUID person) {
        return (int) Math.floorMod(person.getLeastSignificantBits() ^ person.getMostSignificantBits(), (long) CHAINS);
    }

    /** The row's content in one fixed text form, its place in the chain included. */
    static String content(int chain, long seq, long logId, UUID person, Instant occurredAt, String action, String channel,
            String terminalId, String result, UUID actor) {
        // A proxy's row covers the proxy too; a person's own rows hash as they always did.
        return chain + "|" + seq + "|" + logId + "|" + person + "|" + UTC_MICROS.format(occurredAt) + "|" + action + "|"
                + channel + "|" + (terminalId == null ? "" : terminalId) + "|" + result + (actor == null ? "" : "|actor=" + actor);
    }
}
