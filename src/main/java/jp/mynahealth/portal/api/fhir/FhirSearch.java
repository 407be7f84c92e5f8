package jp.mynahealth.portal.api.fhir;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.mynahealth.records.PersonId;

/**
 * One search of one type of the person's resources: an inclusive day range (either end open), a
 * page size, and where the previous page ended. The person comes from the token, never from the
 * parameters.
 *
 * @param from   the first day included, or null for no lower bound
 * @param to     the last day included, or null for no upper bound
 * @param cursor the {@code _cursor} of a {@code next} link, checked by {@link #parse}; null for the first page
 */
public record FhirSearch(PersonId person, FhirResourceType type, LocalDate from, LocalDate to, int count, String cursor) {

    public static final int DEFAULT_COUNT = 50;
    public static final int MAX_COUNT = 100;

    private static final Pattern DATE = Pattern.compile("(eq|ge|gt|le|lt)?([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,3}");

    public FhirSearch {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(type, "type");
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be 1 to " + MAX_COUNT);
        }
    }

    /** The first page of everything of one type. */
    public static FhirSearch all(PersonId person, FhirResourceType type) {
        return new FhirSearch(person, type, null, null, DEFAULT_COUNT, null);
    }

    /**
     * Reads the query parameters of a search: {@code date} (repeatable; the prefixes eq, ge, gt, le,
     * lt or none; a year, a month or a day), {@code _count} (1 to 100, 50 when absent) and
     * {@code _cursor}. Anything else is refused rather than ignored, so that an app never takes an
     * unfiltered answer for a filtered one.
     *
     * @throws InvalidSearchException for an unknown parameter or a value that does not parse
     */
    public static FhirSearch parse(PersonId person, FhirResourceType type, Map<String, String[]> params) {
        LocalDate from = null;
        LocalDate to = null;
        int count = DEFAULT_COUNT;
        String cursor = null;
        for (Map.Entry<String, String[]> param : params.entrySet()) {
            String name = param.getKey();
            String[] values = param.getValue() == null ? new String[0] : param.getValue();
            switch (name) {
                case "date" -> {
                    if (!type.hasDate()) {
                        throw new InvalidSearchException("date is not a search parameter of " + type.resourceName()
                                + " here: every coverage is returned");
                    }
                    for (String value : values) {
                        DateRange range = dateRange(value);
                        // Repeated dates all apply: the days admitted are those every one of them admits.
                        from = later(from, range.from());
                        to = earlier(to, range.to());
                    }
                }
                case "_count" -> count = count(single(name, values));
                case "_cursor" -> {
                    cursor = single(name, values);
                    SearchCursor.decode(cursor, person, type);
                }
                default -> throw new InvalidSearchException("Unknown search parameter '" + printable(name) + "' for "
                        + type.resourceName() + ": " + (type.hasDate() ? "date, _count and _cursor are supported"
                        : "_count and _cursor are supported"));
            }
        }
        return new FhirSearch(person, type, from, to, count, cursor);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private record DateRange(LocalDate from, LocalDate to) {
    }

    /** A date parameter as the days it admits: the whole year, month or day, or from or up to it. */
    private static DateRange dateRange(String value) {
        Matcher m = value == null ? null : DATE.matcher(value);
        if (m == null || !m.matches()) {
            throw new InvalidSearchException("date must be a day (2025-04-01), a month (2025-04) or a year (2025), "
                    + "optionally after one of the prefixes eq, ge, gt, le, lt: '" + printable(value) + "' is not");
        }
        LocalDate first;
        LocalDate last;
        try {
            int year = Integer.parseInt(m.group(2));
            if (m.group(4) != null) {
                first = LocalDate.of(year, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                last = first;
            } else if (m.group(3) != null) {
                YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(3)));
                first = month.atDay(1);
                last = month.atEndOfMonth();
            } else {
                first = LocalDate.of(year, 1, 1);
                last = LocalDate.of(year, 12, 31);
            }
        } catch (DateTimeException e) {
            throw new InvalidSearchException("date '" + printable(value) + "' is not a day of the calendar");
        }
        String prefix = m.group(1) == null ? "eq" : m.group(1);
        return switch (prefix) {
            case "ge" -> new DateRange(first, null);
            case "gt" -> new DateRange(last.plusDays(1), null);
            case "le" -> new DateRange(null, last);
            case "lt" -> new DateRange(null, first.minusDays(1));
            default -> new DateRange(first, last);
        };
    }

    private static int count(String value) {
        if (!COUNT.matcher(value).matches() || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_COUNT) {
            throw new InvalidSearchException("_count must be a whole number from 1 to " + MAX_COUNT + ": '" + printable(value)
                    + "' is not");
        }
        return Integer.parseInt(value);
    }

    private static String single(String name, String[] values) {
        if (values.length != 1 || values[0] == null) {
            throw new InvalidSearchException(name + " may be given once only");
        }
        return values[0];
    }

    /** A parameter as echoed in a message: short, and printable ASCII only. */
    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return shown.replaceAll("[^\\x20-\\x7E…]", "?");
    }
}
