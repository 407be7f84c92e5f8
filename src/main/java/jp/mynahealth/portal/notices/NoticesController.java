package jp.mynahealth.portal.notices;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpSession;
import jp.mynahealth.common.web.DisplayFormats;
import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.Visit;

/**
 * お知らせ: the person's notices, newest first, unread ones marked in words. Opening a notice or
 * marking it read is a POST form (it changes state), so it works without JavaScript; the key it
 * names must be one of the asking person's notices today, or the answer is 404.
 */
@Controller
class NoticesController {

    private final Notices notices;
    private final PreviousVisits previousVisits;
    private final NoticeReadRepository reads;
    private final UnreadCount unreadCount;
    private final AccessLog accessLog;
    private final MessageSource messages;
    private final DisplayFormats formats;

    NoticesController(Notices notices, PreviousVisits previousVisits, NoticeReadRepository reads, UnreadCount unreadCount,
            AccessLog accessLog, MessageSource messages, DisplayFormats formats) {
        this.notices = notices;
        this.previousVisits = previousVisits;
        this.reads = reads;
        this.unreadCount = unreadCount;
        this.accessLog = accessLog;
        this.messages = messages;
        this.formats = formats;
    }

    @GetMapping("/notices")
    String inbox(Visit visit, HttpSession session, Model model, Locale locale) {
        Notices.Inbox inbox = inbox(visit, session);
        List<NoticeView> views = inbox.entries().stream().map(e -> view(e, locale)).toList();
        model.addAttribute("notices", views);
        model.addAttribute("renewalHelp", views.stream().anyMatch(NoticeView::aboutRenewal));
        // The header's count was taken before this page worked the inbox out afresh.
        model.addAttribute("unreadNotices", inbox.unread());
        accessLog.record(visit, Action.VIEW_NOTICES, Result.OK);
        return "portal/notices/notices";
    }

    /** Marks one notice read; {@code then=open} goes on to where the notice says to act, anything else back to the inbox. */
    @PostMapping("/notices/read")
    String read(Visit visit, HttpSession session, @RequestParam(name = "key", required = false) String key,
            @RequestParam(name = "then", required = false) String then) {
        Optional<Notices.Entry> entry = key == null ? Optional.empty() : inbox(visit, session).find(key);
        if (entry.isEmpty()) {
            accessLog.record(visit, Action.READ_NOTICE, Result.NOT_FOUND);
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        reads.markRead(visit.person(), key);
        inbox(visit, session);
        accessLog.record(visit, Action.READ_NOTICE, Result.OK);
        return "redirect:" + ("open".equals(then) ? entry.get().notice().link() : "/notices");
    }

    @PostMapping("/notices/read-all")
    String readAll(Visit visit, HttpSession session) {
        for (Notices.Entry entry : inbox(visit, session).entries()) {
            if (!entry.read()) {
                reads.markRead(visit.person(), entry.notice().key());
            }
        }
        inbox(visit, session);
        accessLog.record(visit, Action.READ_NOTICE, Result.OK);
        return "redirect:/notices";
    }

    private Notices.Inbox inbox(Visit visit, HttpSession session) {
        Notices.Inbox inbox = notices.inbox(visit.person(), previousVisits.of(visit.person(), session));
        unreadCount.remember(visit.person(), session, inbox);
        return inbox;
    }

    private NoticeView view(Notices.Entry entry, Locale locale) {
        Notice notice = entry.notice();
        Object[] arguments = notice.arguments().stream()
                .map(a -> a instanceof LocalDate day ? formats.date(day) : a).toArray();
        return new NoticeView(notice.key(), formats.date(notice.on()), messages.getMessage(notice.titleKey(), arguments, locale),
                messages.getMessage(notice.textKey(), arguments, locale), notice.link(),
                messages.getMessage(notice.actionKey(), null, locale), entry.read(), notice.link().endsWith("#renewal"));
    }
}
