package jp.mynahealth.portal.notices;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;
import jp.mynahealth.portal.security.CurrentPerson;
import jp.mynahealth.records.PersonId;

/** Puts the count of unread notices into every signed-in page, for the header's link to the inbox. */
@ControllerAdvice
class UnreadNoticesAdvice {

    private static final Logger log = LoggerFactory.getLogger(UnreadNoticesAdvice.class);

    private final UnreadCount count;

    UnreadNoticesAdvice(UnreadCount count) {
        this.count = count;
    }

    @ModelAttribute("unreadNotices")
    Long unreadNotices(HttpServletRequest request) {
        Optional<PersonId> person = CurrentPerson.get();
        if (person.isEmpty() || request.getHeader("HX-Request") != null) {
            // An htmx fragment is swapped into a page that has its header already.
            return null;
        }
        try {
            return count.of(person.get(), request.getSession(false));
        } catch (DataAccessException e) {
            // The count is a convenience on pages about something else: without it the link still leads to the inbox.
            log.warn("Could not count the unread notices: {}", e.getMessage());
            return null;
        }
    }
}
