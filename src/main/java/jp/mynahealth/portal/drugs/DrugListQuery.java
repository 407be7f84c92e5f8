package jp.mynahealth.portal.drugs;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jp.mynahealth.common.web.RecordListFilter;
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

    static DrugListQuery parse(String from, String to, String institution, String search, String afterDate,
            String afterSource, String afterId, YearMonth earliest, YearMonth latest) {
        List<String> errors = new ArrayList<>();
        RecordListFilter filter = RecordListFilter.parse(from, to, institution, search, earliest, latest, "drugs", errors);
        DispensingPage.Cursor cursor = null;
        if (!RecordListFilter.blank(afterDate) || !RecordListFilter.blank(afterSource) || !RecordListFilter.blank(afterId)) {
            try {
                cursor = new DispensingPage.Cursor(LocalDate.parse(afterDate), Dispensing.Source.ofCode(afterSource),
                        Long.parseLong(afterId));
            } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
                errors.add("drugs.error.cursor");
            }
        }
        return new DrugListQuery(filter.from(), filter.to(), filter.institution(), filter.search(), cursor,
                List.copyOf(errors));
    }

    DispensingFilter filter() {
        return new DispensingFilter(from.atDay(1), to.atEndOfMonth(), institution, search);
    }
}
