package jp.mynahealth.portal.care;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jp.mynahealth.records.CareFilter;

/**
 * The care list's query parameters as typed, checked as the drug list checks its own: months as
 * YYYY-MM, a known institution code shape, a search of sensible length, and a well-formed "more"
 * month. Every problem becomes a message key for the error summary; the list then falls back to the
 * default for that parameter.
 */
record CareQuery(YearMonth from, YearMonth to, String institution, String search, YearMonth before, List<String> errors) {

    static final int MAX_SEARCH = 50;

    static CareQuery parse(String from, String to, String institution, String search, String before, YearMonth earliest,
            YearMonth latest) {
        List<String> errors = new ArrayList<>();
        YearMonth fromMonth = month(from, earliest, errors, "care.error.from");
        YearMonth toMonth = month(to, latest, errors, "care.error.to");
        if (fromMonth.isAfter(toMonth)) {
            errors.add("care.error.order");
            fromMonth = earliest;
            toMonth = latest;
        }
        String institutionCode = blank(institution) ? null : institution.strip();
        if (institutionCode != null && !institutionCode.matches("\\d{10}")) {
            errors.add("care.error.institution");
            institutionCode = null;
        }
        String name = blank(search) ? null : search.strip();
        if (name != null && (name.length() > MAX_SEARCH || name.chars().anyMatch(Character::isISOControl))) {
            errors.add("care.error.search");
            name = null;
        }
        YearMonth beforeMonth = blank(before) ? null : month(before, null, errors, "care.error.more");
        return new CareQuery(fromMonth, toMonth, institutionCode, name, beforeMonth, List.copyOf(errors));
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

    private static YearMonth month(String text, YearMonth fallback, List<String> errors, String error) {
        if (blank(text)) {
            return fallback;
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            if (month.getYear() < 1900 || month.getYear() > 2999) {
                throw new DateTimeParseException("out of range", text, 0);
            }
            return month;
        } catch (DateTimeParseException e) {
            errors.add(error);
            return fallback;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
