package jp.mynahealth.portal.notices;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpSession;
import jp.mynahealth.records.PersonId;

/**
 * The header's count of unread notices, on every page. Working the notices out takes some six
 * statements, too many for every page of every citizen (the page throughput benchmark counts
 * round trips), so the count is kept in the session for {@link #FRESH_FOR}, and put right at once
 * whenever the inbox is opened or a notice is read. A session that has no room for it (none yet)
 * asks every time.
 */
@Component
class UnreadCount {

    static final Duration FRESH_FOR = Duration.ofMinutes(1);
    private static final String SESSION_ATTRIBUTE = UnreadCount.class.getName() + ".";

    record Kept(long unread, Instant countedAt) implements Serializable {
    }

    private final Notices notices;
    private final PreviousVisits previousVisits;
    private final Clock clock;

    UnreadCount(Notices notices, PreviousVisits previousVisits, Clock clock) {
        this.notices = notices;
        this.previousVisits = previousVisits;
        this.clock = clock;
    }

    long of(PersonId person, HttpSession session) {
        Instant now = clock.instant();
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE + person.value()) instanceof Kept kept
                && kept.countedAt().plus(FRESH_FOR).isAfter(now)) {
            return kept.unread();
        }
        return remember(person, session, notices.inbox(person, previousVisits.of(person, session)));
    }

    /** After the inbox was worked out anyway (its page, a notice read): the count it gives is the freshest there is. */
    long remember(PersonId person, HttpSession session, Notices.Inbox inbox) {
        long unread = inbox.unread();
        if (session != null) {
            session.setAttribute(SESSION_ATTRIBUTE + person.value(), new Kept(unread, clock.instant()));
        }
        return unread;
    }
}
