package jp.mynahealth.portal.drugs;

import java.time.Clock;
import java.time.Instant;
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
import jp.mynahealth.records.ClaimsFreshness;
import jp.mynahealth.records.DataAsOfRepository;
import jp.mynahealth.records.DataAsOfRepository.DataKind;
import jp.mynahealth.records.DispensingPage;
import jp.mynahealth.records.DispensingRepository;

/**
 * 薬剤情報: the last three years of dispensed drugs from claims, and the last 100 days of
 * e-prescription dispensings (src/docs/e-prescriptions.md), as one list filtered by period, institution
 * and name. One URL answers the full page, or for htmx the results fragment (filters) or the next
 * rows ("more").
 */
@Controller
class DrugsController {

    /**
     * About a month for someone on several medicines. On a phone every line is a block of its own:
     * 40 lines made a page some 14,000 px tall, and the page cost twice as much to draw.
     */
    static final int PAGE_SIZE = 20;
    static final int YEARS = 3;

    private final DispensingRepository dispensings;
    private final DataAsOfRepository dataAsOf;
    private final AccessLog accessLog;
    private final Clock clock;
    private final MessageSource messages;
    private final DisplayFormats formats;

    DrugsController(DispensingRepository dispensings, DataAsOfRepository dataAsOf, AccessLog accessLog, Clock clock,
            MessageSource messages, DisplayFormats formats) {
        this.dispensings = dispensings;
        this.dataAsOf = dataAsOf;
        this.accessLog = accessLog;
        this.clock = clock;
        this.messages = messages;
        this.formats = formats;
    }

    @GetMapping("/drugs")
    String drugs(Visit visit, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String institution, @RequestParam(name = "q", required = false) String search,
            @RequestParam(name = "after", required = false) String afterDate,
            @RequestParam(name = "afterSource", required = false) String afterSource,
            @RequestParam(name = "afterId", required = false) String afterId, HtmxRequest htmx, Model model,
            HttpServletResponse response, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        ClaimsFreshness claims = dataAsOf.claimsFreshness(DataKind.DISPENSING, today).orElse(null);
        Instant freshAsOf = dataAsOf.latestEvent(DataKind.E_PRESCRIPTION).orElse(null);
        // Before any claims have arrived the claims' part is empty whatever the months; the page says so instead of a date.
        YearMonth claimsLatest = claims == null ? YearMonth.from(today) : claims.through();
        // E-prescriptions reach today: with them, the months run up to the current one.
        YearMonth latest = freshAsOf == null ? claimsLatest : YearMonth.from(today);
        YearMonth earliest = claimsLatest.minusYears(YEARS).plusMonths(1);
        DrugListQuery query = DrugListQuery.parse(from, to, institution, search, afterDate, afterSource, afterId, earliest,
                latest);
        if (!query.errors().isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        DispensingPage page = dispensings.find(visit.person(), query.filter(), query.after(), PAGE_SIZE);
        model.addAttribute("query", query);
        model.addAttribute("groups", DispensingGroup.of(page.lines(), new DrugListText(messages, locale, formats)));
        model.addAttribute("next", page.next());
        model.addAttribute("claims", claims);
        model.addAttribute("freshAsOf", freshAsOf);
        model.addAttribute("earliest", earliest);
        model.addAttribute("latest", latest);
        // Looked up once per page rather than once per line: the list is the portal's busiest page.
        model.addAttribute("genericLabel", messages.getMessage("drugs.generic", null, locale));
        accessLog.record(visit, Action.VIEW_DRUGS, query.errors().isEmpty() ? Result.OK : Result.REFUSED);
        if (htmx.isHtmxRequest() && query.after() != null && query.errors().isEmpty()) {
            return "portal/drugs/partials/rows";
        }
        model.addAttribute("duplicates", dispensings.duplicates(visit.person(), query.filter().from(), query.filter().to()));
        if (htmx.isHtmxRequest()) {
            return "portal/drugs/partials/results";
        }
        model.addAttribute("institutions", dispensings.dispensers(visit.person(), earliest.atDay(1)));
        return "portal/drugs/drugs";
    }
}
