package jp.mynahealth.common.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The filters the record lists share (the drug list, the care list), as typed and checked: a period
 * of months as YYYY-MM, a known institution code shape, a name search of sensible length. Every
 * problem adds a message key {@code <prefix>.error.from|to|order|institution|search} and the filter
 * falls back to the default for it, so the list still shows something.
 */
public record RecordListFilter(YearMonth from, YearMonth to, String institution, String search) {

    public static final int MAX_SEARCH = 50;

    public static RecordListFilter parse(String from, String to, String institution, String search, YearMonth earliest,
            YearMonth latest, String prefix, List<String> errors) {
        YearMonth fromMonth = month(from, earliest, errors, prefix + ".error.from");
        YearMonth toMonth = month(to, latest, errors, prefix + ".error.to");
        if (fromMonth.isAfter(toMonth)) {
            errors.add(prefix + ".error.order");
            fromMonth = earliest;
            toMonth = latest;
        }
        String institutionCode = blank(institution) ? null : institution.strip();
        if (institutionCode != null && !institutionCode.matches("\\d{10}")) {
            errors.add(prefix + ".error.institution");
            institutionCode = null;
        }
        String name = blank(search) ? null : search.strip();
        if (name != null && (name.length() > MAX_SEARCH || name.chars().anyMatch(Character::isISOControl))) {
            errors.add(prefix + ".error.search");
            name = null;
        }
        return new RecordListFilter(fromMonth, toMonth, institutionCode, name);
    }

    /** A month as YYYY-MM (years 1900 to 2999), or {@code fallback} when empty or wrong (then {@code error} is added). */
    public static YearMonth month(String text, YearMonth fallback, List<String> errors, String error) {
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

    public static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
