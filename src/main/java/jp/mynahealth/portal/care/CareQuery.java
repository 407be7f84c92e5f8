package jp.mynahealth.portal.care;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jp.mynahealth.common.web.RecordListFilter;
import jp.mynahealth.records.CareFilter;

/**
 * The care list's query parameters as typed, checked as the drug list checks its own: months as
 * YYYY-MM, a known institution code shape, a search of sensible length, and a well-formed "more"
 * month. Every problem becomes a message key for the error summary; the list then falls back to the
 * default for that parameter.
 */
record CareQuery(YearMonth from, YearMonth to, String institution, String search, YearMonth before, List<String> errors) {

    static CareQuery parse(String from, String to, String institution, String search, String before, YearMonth earliest,
            YearMonth latest) {
        List<String> errors = new ArrayList<>();
        RecordListFilter filter = RecordListFilter.parse(from, to, institution, search, earliest, latest, "care", errors);
        YearMonth beforeMonth = RecordListFilter.blank(before) ? null
                : RecordListFilter.month(before, null, errors, "care.error.more");
        return new CareQuery(filter.from(), filter.to(), filter.institution(), filter.search(), beforeMonth,
                List.copyOf(errors));
    }

    CareFilter filter() {
        return new CareFilter(from.atDay(1), to.atEndOfMonth(), institution, search);
    }

    /** Which field an error belongs to, for the error summary's link. */
    public String field(String error) {
        return switch (error) {
            case "care.error.to" -> "to";
            case "care.error.institution" -> "institution";
            case "care.error.search" -> "q";
            default -> "from";
        };
    }
}
