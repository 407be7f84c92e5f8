package jp.mynahealth.portal.history;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.mynahealth.common.ClockConfiguration;
import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.Visit;

/**
 * やりとり履歴: every access to the person's data — their own views and downloads, and data given to
 * medical institutions with their consent — newest first, by month, paged with "more".
 */
@Controller
class HistoryController {

    static final int PAGE_SIZE = 30;
    static final int MONTHS = 24;

    private final HistoryRepository history;
    private final AccessLog accessLog;
    private final Clock clock;

    HistoryController(HistoryRepository history, AccessLog accessLog, Clock clock) {
        this.history = history;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @GetMapping("/history")
    String history(Visit visit, @RequestParam(required = false) String month,
            @RequestParam(name = "after", required = false) String afterAt,
            @RequestParam(name = "afterSource", required = false) String afterSource,
            @RequestParam(name = "afterId", required = false) String afterId, HtmxRequest htmx, Model model,
            HttpServletResponse response) {
        YearMonth thisMonth = YearMonth.now(clock.withZone(ClockConfiguration.JAPAN));
        YearMonth chosen = thisMonth;
        boolean invalid = false;
        if (month != null && !month.isBlank()) {
            try {
                chosen = YearMonth.parse(month.strip());
                invalid = chosen.isAfter(thisMonth) || chosen.isBefore(thisMonth.minusMonths(MONTHS - 1));
            } catch (DateTimeParseException e) {
                invalid = true;
            }
        }
        HistoryRepository.Cursor after = null;
        if (afterAt != null || afterId != null) {
            try {
                after = new HistoryRepository.Cursor(Instant.parse(afterAt),
                        "provision".equals(afterSource) ? "provision" : "access", Long.parseLong(afterId));
            } catch (DateTimeParseException | NumberFormatException | NullPointerException e) {
                invalid = true;
            }
        }
        if (invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            chosen = thisMonth;
            after = null;
        }
        Instant from = chosen.atDay(1).atStartOfDay(ClockConfiguration.JAPAN).toInstant();
        Instant to = chosen.plusMonths(1).atDay(1).atStartOfDay(ClockConfiguration.JAPAN).toInstant();
        if (after == null) {
            // The look at the history is itself an access, and shows at the top of this month's list.
            accessLog.record(visit, Action.VIEW_HISTORY, invalid ? Result.REFUSED : Result.OK);
        }
        List<HistoryEntry> entries = history.find(visit.person(), from, to, after, PAGE_SIZE + 1);
        HistoryEntry next = entries.size() > PAGE_SIZE ? entries.get(PAGE_SIZE - 1) : null;
        model.addAttribute("entries", entries.size() > PAGE_SIZE ? entries.subList(0, PAGE_SIZE) : entries);
        model.addAttribute("next", next);
        model.addAttribute("month", chosen);
        model.addAttribute("invalid", invalid);
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            months.add(thisMonth.minusMonths(i));
        }
        model.addAttribute("months", months);
        if (htmx.isHtmxRequest()) {
            return after != null ? "portal/history/partials/rows" : "portal/history/partials/list";
        }
        return "portal/history/history";
    }
}
