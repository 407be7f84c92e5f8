package jp.mynahealth.portal.care;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.mynahealth.common.web.DisplayFormats;
import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.CareActRepository;
import jp.mynahealth.records.CarePage;
import jp.mynahealth.records.ClaimsFreshness;
import jp.mynahealth.records.DataAsOfRepository;
import jp.mynahealth.records.DataAsOfRepository.DataKind;

/**
 * 診療情報: the consultations, tests, imaging, surgery … of the last three years of medical and
 * dental claims, by visit month and institution, filtered like the drug list. Diagnoses are never
 * shown (Mynaportal does not show them either: a name on a claim is often a suspicion, not a finding).
 * One URL answers the full page, or for htmx the results fragment (filters) or the next months ("more").
 */
@Controller
class CareController {

    /** Half a year of visits: a month with care is a handful of groups, so a page stays a few screens on a phone. */
    static final int MONTHS_PER_PAGE = 6;
    static final int YEARS = 3;

    private final CareActRepository careActs;
    private final DataAsOfRepository dataAsOf;
    private final AccessLog accessLog;
    private final Clock clock;
    private final MessageSource messages;
    private final DisplayFormats formats;

    CareController(CareActRepository careActs, DataAsOfRepository dataAsOf, AccessLog accessLog, Clock clock,
            MessageSource messages, DisplayFormats formats) {
        this.careActs = careActs;
        this.dataAsOf = dataAsOf;
        this.accessLog = accessLog;
        this.clock = clock;
        this.messages = messages;
        this.formats = formats;
    }

    @GetMapping("/care")
    String care(Visit visit, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String institution, @RequestParam(name = "q", required = false) String search,
            @RequestParam(required = false) String before, HtmxRequest htmx, Model model, HttpServletResponse response,
            Locale locale) {
        LocalDate today = LocalDate.now(clock);
        ClaimsFreshness claims = dataAsOf.claimsFreshness(DataKind.CARE, today).orElse(null);
        // Before any claims have arrived the list is empty whatever the months; the page says so instead of a date.
        YearMonth latest = claims == null ? YearMonth.from(today) : claims.through();
        YearMonth earliest = latest.minusYears(YEARS).plusMonths(1);
        CareQuery query = CareQuery.parse(from, to, institution, search, before, earliest, latest);
        if (!query.errors().isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        CarePage page = careActs.find(visit.person(), query.filter(), query.before(), MONTHS_PER_PAGE);
        model.addAttribute("query", query);
        model.addAttribute("visits", CareGroups.of(page.acts(), new CareText(messages, locale, formats)));
        model.addAttribute("next", page.nextBefore());
        model.addAttribute("claims", claims);
        model.addAttribute("earliest", earliest);
        // The picker reaches the current month, whose claims have not come yet: the page then says so, rather than nothing.
        model.addAttribute("currentMonth", YearMonth.from(today));
        accessLog.record(visit, Action.VIEW_CARE, query.errors().isEmpty() ? Result.OK : Result.REFUSED);
        if (htmx.isHtmxRequest() && query.before() != null && query.errors().isEmpty()) {
            return "portal/care/partials/rows";
        }
        if (htmx.isHtmxRequest()) {
            return "portal/care/partials/results";
        }
        model.addAttribute("institutions", careActs.institutions(visit.person(), earliest.atDay(1)));
        return "portal/care/care";
    }
}
