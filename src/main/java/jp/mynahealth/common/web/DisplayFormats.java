package jp.mynahealth.common.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.i18n.LocaleContextHolder;

import jp.mynahealth.common.ClockConfiguration;

/**
 * Dates and amounts as citizens read them, for templates ({@code ${@fmt.date(day)}}): in Japanese
 * with the era where that is what people expect (令和8年11月24日), in English in plain form;
 * yen with thousands separators.
 */
public class DisplayFormats {

    private static final DateTimeFormatter ERA_DATE = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPANESE);
    private static final DateTimeFormatter ERA_MONTH = DateTimeFormatter.ofPattern("GGGGy年M月", Locale.JAPANESE);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ENGLISH_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter JAPANESE_TIME = DateTimeFormatter.ofPattern("H時mm分", Locale.JAPANESE);
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    /** Compiled once: pages print dozens of dates, and String.replaceFirst compiles its pattern on every call. */
    private static final Pattern FIRST_YEAR = Pattern.compile("^(\\D+)1年");

    public String date(LocalDate day) {
        if (day == null) {
            return "";
        }
        return japanese() ? era(JapaneseDate.from(day), ERA_DATE) + "（" + day.getYear() + "年）" : ENGLISH_DATE.format(day);
    }

    public String date(Instant instant) {
        return instant == null ? "" : date(LocalDate.ofInstant(instant, ClockConfiguration.JAPAN));
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(ClockConfiguration.JAPAN);
        return date(local.toLocalDate()) + " " + (japanese() ? JAPANESE_TIME : ENGLISH_TIME).format(local);
    }

    public String month(YearMonth month) {
        if (month == null) {
            return "";
        }
        return japanese() ? era(JapaneseDate.from(month.atDay(1)), ERA_MONTH) : ENGLISH_MONTH.format(month);
    }

    public String month(LocalDate day) {
        return day == null ? "" : month(YearMonth.from(day));
    }

    public String yen(long amount) {
        String digits = NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount);
        return japanese() ? digits + "円" : "¥" + digits;
    }

    private static String era(TemporalAccessor date, DateTimeFormatter pattern) {
        // 元年 is how the first year of an era is written.
        String text = pattern.format(date);
        return FIRST_YEAR.matcher(text).replaceFirst("$1元年");
    }

    private static boolean japanese() {
        return !"en".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
