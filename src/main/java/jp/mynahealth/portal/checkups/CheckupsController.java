package jp.mynahealth.portal.checkups;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.Checkup;
import jp.mynahealth.records.CheckupRepository;
import jp.mynahealth.records.DataAsOfRepository;
import jp.mynahealth.records.DataAsOfRepository.DataKind;
import jp.mynahealth.records.TrendPoint;

/**
 * 特定健診等情報: five years of checkups, one checkup's results by section, and one item's trend.
 * An id that is not one of the logged-in person's checkups is answered 404, like any unknown page.
 */
@Controller
class CheckupsController {

    static final int YEARS = 5;

    private final CheckupRepository checkups;
    private final DataAsOfRepository dataAsOf;
    private final AccessLog accessLog;
    private final Clock clock;
    private final MessageSource messages;

    CheckupsController(CheckupRepository checkups, DataAsOfRepository dataAsOf, AccessLog accessLog, Clock clock,
            MessageSource messages) {
        this.checkups = checkups;
        this.dataAsOf = dataAsOf;
        this.accessLog = accessLog;
        this.clock = clock;
        this.messages = messages;
    }

    private LocalDate since() {
        return LocalDate.now(clock).minusYears(YEARS);
    }

    @GetMapping("/checkups")
    String list(Visit visit, Model model) {
        model.addAttribute("checkups", checkups.findSince(visit.person(), since()));
        model.addAttribute("asOf", dataAsOf.completeThrough(DataKind.CHECKUP).orElse(null));
        accessLog.record(visit, Action.VIEW_CHECKUPS, Result.OK);
        return "portal/checkups/checkups";
    }

    @GetMapping("/checkups/{id}")
    String detail(Visit visit, @PathVariable String id, Model model, Locale locale) {
        Checkup checkup = parse(id).flatMap(uuid -> checkups.find(visit.person(), uuid)).orElse(null);
        if (checkup == null) {
            accessLog.record(visit, Action.VIEW_CHECKUP, Result.NOT_FOUND);
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("checkup", checkup);
        model.addAttribute("sections", CheckupGroups.of(checkups.results(visit.person(), checkup.id())));
        model.addAttribute("text", new ResultText(messages, locale));
        accessLog.record(visit, Action.VIEW_CHECKUP, Result.OK);
        return "portal/checkups/checkup";
    }

    @GetMapping("/checkups/trend/{itemCode}")
    String trend(Visit visit, @PathVariable String itemCode, Model model, Locale locale) {
        List<TrendPoint> points = itemCode.matches("[0-9A-Z]{17}")
                ? checkups.trend(visit.person(), itemCode, since()) : List.of();
        if (points.isEmpty()) {
            accessLog.record(visit, Action.VIEW_CHECKUP_TREND, Result.NOT_FOUND);
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("points", points);
        model.addAttribute("item", points.get(points.size() - 1));
        model.addAttribute("chart", TrendChart.of(points));
        model.addAttribute("text", new ResultText(messages, locale));
        accessLog.record(visit, Action.VIEW_CHECKUP_TREND, Result.OK);
        return "portal/checkups/trend";
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
