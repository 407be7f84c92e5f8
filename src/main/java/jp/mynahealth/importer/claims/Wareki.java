package jp.mynahealth.importer.claims;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The specification's 和暦 dates: GYYMMDD and GYYMM, where G is the 年号区分コード (1 明治, 2 大正,
 * 3 昭和, 4 平成, 5 令和). A date must fall within its era (平成31年5月1日 does not exist: it is
 * 令和元年5月1日); a month must begin within its era, so May 2019 is 令和1年5月 and January 1989 is
 * 昭和64年1月. Written by hand rather than with JapaneseDate because this runs for every record and
 * the rule for months is the specification's, not the calendar's.
 */
final class Wareki {

    /** First day of each era, indexed by the 年号区分コード. 明治 is taken from 1868-01-01 (明治元年). */
    private static final LocalDate[] ERA_START = { null, LocalDate.of(1868, 1, 1), LocalDate.of(1912, 7, 30),
            LocalDate.of(1926, 12, 25), LocalDate.of(1989, 1, 8), LocalDate.of(2019, 5, 1) };

    private Wareki() {
    }

    /** The date of a 7-character GYYMMDD, or null when it is not a valid date of that era. */
    static LocalDate date(char[] text, int from) {
        int era = digit(text, from);
        int year = twoDigits(text, from + 1);
        int month = twoDigits(text, from + 3);
        int day = twoDigits(text, from + 5);
        if (era < 1 || era >= ERA_START.length || year < 1 || month < 1 || month > 12 || day < 1) {
            return null;
        }
        int gregorian = ERA_START[era].getYear() + year - 1;
        if (day > YearMonth.of(gregorian, month).lengthOfMonth()) {
            return null;
        }
        LocalDate date = LocalDate.of(gregorian, month, day);
        boolean afterStart = !date.isBefore(ERA_START[era]);
        boolean beforeNext = era + 1 == ERA_START.length || date.isBefore(ERA_START[era + 1]);
        return afterStart && beforeNext ? date : null;
    }

    /** The month of a 5-character GYYMM, or null when it is not a month that begins within that era. */
    static YearMonth month(char[] text, int from) {
        int era = digit(text, from);
        int year = twoDigits(text, from + 1);
        int month = twoDigits(text, from + 3);
        if (era < 1 || era >= ERA_START.length || year < 1 || month < 1 || month > 12) {
            return null;
        }
        YearMonth value = YearMonth.of(ERA_START[era].getYear() + year - 1, month);
        LocalDate first = value.atDay(1);
        boolean inEra = !value.atEndOfMonth().isBefore(ERA_START[era])
                && (era + 1 == ERA_START.length || first.isBefore(ERA_START[era + 1]));
        return inEra ? value : null;
    }

    static String format(LocalDate date) {
        int era = eraOf(date);
        int year = date.getYear() - ERA_START[era].getYear() + 1;
        return new StringBuilder(7).append(era).append(pad(year)).append(pad(date.getMonthValue()))
                .append(pad(date.getDayOfMonth())).toString();
    }

    static String format(YearMonth month) {
        int era = eraOf(month.atDay(1));
        int year = month.getYear() - ERA_START[era].getYear() + 1;
        return new StringBuilder(5).append(era).append(pad(year)).append(pad(month.getMonthValue())).toString();
    }

    private static int eraOf(LocalDate date) {
        for (int era = ERA_START.length - 1; era >= 1; era--) {
            if (!date.isBefore(ERA_START[era])) {
                int year = date.getYear() - ERA_START[era].getYear() + 1;
                if (year > 99) {
                    break;
                }
                return era;
            }
        }
        throw new IllegalArgumentException("The date " + date + " has no 和暦 the specification can write");
    }

    private static String pad(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static int digit(char[] text, int at) {
        char c = text[at];
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    private static int twoDigits(char[] text, int at) {
        int tens = digit(text, at);
        int ones = digit(text, at + 1);
        return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
    }
}
