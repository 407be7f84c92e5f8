package jp.mynahealth.portal.history;

import java.time.Instant;

/**
 * One line of the access history: the citizen's own view or download ({@code source = access}),
 * or their data provided to a medical institution with their consent ({@code source = provision}).
 * {@code actorName} names the proxy who acted for the person; null when they acted themself.
 */
public record HistoryEntry(String source, long id, Instant at, String what, String channel, String terminalId,
        String result, String institutionName, String actorName) {

    public boolean provision() {
        return "provision".equals(source);
    }
}
