package jp.mynahealth.portal.notices;

import java.time.LocalDate;
import java.util.List;

/**
 * One notice (お知らせ), as a {@link NoticeSource} works it out from the store on one day.
 *
 * @param key       stable for as long as the notice is about the same thing (kind + what it is about,
 *                  e.g. {@code vaccination:je:3:overdue}); the read state is kept by it, so it never
 *                  holds anything a citizen should not see in a form (no certificate serials, no ids)
 * @param on        the day the notice began to apply; the inbox lists the newest first
 * @param titleKey  message key of its heading; {@code textKey} of its explanation, both formatted with
 *                  {@code arguments} (dates are formatted as the page formats them, message keys resolved)
 * @param link      where to act, inside the portal (kiosks let no link leave it)
 * @param actionKey message key of the button that opens it
 */
public record Notice(String key, LocalDate on, String titleKey, String textKey, List<Object> arguments, String link,
        String actionKey) {

    public Notice {
        if (!key.matches("[a-z0-9][a-z0-9_.:-]{0,99}")) {
            // The same rule as the table's check: a key that cannot be stored would stay unread for ever.
            throw new IllegalArgumentException("notice key " + key);
        }
        arguments = List.copyOf(arguments);
    }
}
