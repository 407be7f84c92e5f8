package jp.mynahealth.portal.drugs;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jp.mynahealth.records.Dispensing;
import jp.mynahealth.records.DispensingFilter;
import jp.mynahealth.records.DispensingPage;

/**
 * The drug list's query parameters as typed, checked: months as YYYY-MM within the store's depth,
 * a known institution code shape, a search of sensible length, and a well-formed cursor (day,
 * source, id). Every problem becomes a message key for the error summary; the list then falls back
 * to the default.
 */
record DrugListQuery(YearMonth from, YearMonth to, String institution, String search, DispensingPage.Cursor after,
        List<String> errors) {

    static final int MAX_SEARCH = 50;

    static DrugListQuery parse(String from, String to, String institution, String search, String afterDate,
            String afterSource, String afterId, YearMonth earliest, YearMonth latest) {
        List<String> errors = new ArrayList<>();
        YearMonth fromMonth = month(from, earliest, errors, "from");
        YearMonth toMonth = month(to, latest, errors, "to");
        if (fromMonth.isAfter(toMonth)) {
            errors.add("drugs.error.order");
            fromMonth = earliest;
            toMonth = latest;
        }
        String institutionCode = blank(institution) ? null : institution.strip();
        if (institutionCode != null && !institutionCode.matches("\\d{10}")) {
            errors.add("drugs.error.institution");
            institutionCode = null;
        }
        String name = blank(search) ? null : search.strip();
        if (name != null && (name.length() > MAX_SEARCH || name.chars().anyMatch(Character::isISOControl))) {
            errors.add("drugs.error.search");
            name = null;
        }
        DispensingPage.Cursor cursor = null;
        if (!blank(afterDate) || !blank(afterSource) || !blank(afterId)) {
            try {
                cursor = new DispensingPage.Cursor(LocalDate.parse(afterDate), Dispensing.Source.ofCode(afterSource),
                        Long.parseLong(afterId));
            } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
                errors.add("drugs.error.cursor");
            }
        }
        return new DrugListQuery(fromMonth, toMonth, institutionCode, name, cursor, List.copyOf(errors));
    }

    DispensingFilter filter() {
        return new DispensingFilter(from.atDay(1), to.atEndOfMonth(), institution, search);
    }

    private static YearMonth month(String text, YearMonth fallback, List<String> errors, String which) {
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
            errors.add("drugs.error." + which);
            return fallback;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
