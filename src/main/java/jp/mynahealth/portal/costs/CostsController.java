package jp.mynahealth.portal.costs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.CostNotice;
import jp.mynahealth.records.CostNoticeRepository;
import jp.mynahealth.records.CostSummary;
import jp.mynahealth.records.DataAsOfRepository;
import jp.mynahealth.records.DataAsOfRepository.DataKind;

/** 医療費通知情報: a year's monthly notices, with totals by category and by institution. */
@Controller
class CostsController {

    private final CostNoticeRepository notices;
    private final DataAsOfRepository dataAsOf;
    private final AccessLog accessLog;
    private final Clock clock;

    CostsController(CostNoticeRepository notices, DataAsOfRepository dataAsOf, AccessLog accessLog, Clock clock) {
        this.notices = notices;
        this.dataAsOf = dataAsOf;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @GetMapping("/costs")
    String costs(Visit visit, @RequestParam(required = false) String year, HtmxRequest htmx, Model model,
            HttpServletResponse response) {
        int thisYear = LocalDate.now(clock).getYear();
        List<Integer> years = new ArrayList<>(notices.years(visit.person()));
        if (!years.contains(thisYear)) {
            years.add(0, thisYear);
        }
        int chosen = thisYear;
        boolean invalid = false;
        if (year != null && !year.isBlank()) {
            try {
                chosen = Integer.parseInt(year.strip());
                invalid = chosen < 2000 || chosen > thisYear;
            } catch (NumberFormatException e) {
                invalid = true;
            }
            if (invalid) {
                chosen = thisYear;
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
        }
        List<CostNotice> lines = notices.ofYear(visit.person(), chosen);
        model.addAttribute("year", chosen);
        model.addAttribute("years", years);
        model.addAttribute("invalidYear", invalid);
        model.addAttribute("notices", lines);
        model.addAttribute("summary", CostSummary.of(lines));
        model.addAttribute("claims", dataAsOf.claimsFreshness(DataKind.COST_NOTICE, LocalDate.now(clock)).orElse(null));
        accessLog.record(visit, Action.VIEW_COSTS, invalid ? Result.REFUSED : Result.OK);
        return htmx.isHtmxRequest() ? "portal/costs/partials/year" : "portal/costs/costs";
    }
}
