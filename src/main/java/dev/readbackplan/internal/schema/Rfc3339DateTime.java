package dev.readbackplan.internal.schema;

import java.time.LocalDate;

/**
 * The {@code date-time} format: RFC 3339 section 5.6's {@code date-time}, exactly, with section 5.7's
 * ranges: networknt's {@code date-time} is replaced by it ({@code Rfc3339DateTimeFormat}), and the
 * generated fast checks call it directly.
 *
 * <pre>
 * date-time      = full-date ("T" / "t") full-time
 * full-date      = 4DIGIT "-" 2DIGIT "-" 2DIGIT          ; month 01-12, day by month and leap year
 * full-time      = 2DIGIT ":" 2DIGIT ":" 2DIGIT ["." 1*DIGIT] time-offset
 * time-offset    = "Z" / "z" / ("+" / "-") 2DIGIT ":" 2DIGIT   ; -00:00 allowed, hours 00-23, minutes 00-59
 * </pre>
 *
 * DIGIT is an ASCII digit; nothing may follow the offset (no space for {@code T}, no trailing text,
 * no newline). Hours are 00-23 and minutes 00-59; a second of 60 is a leap second and is accepted only
 * when, taken back to UTC by its offset, it is 23:59:60 on a day after which the IERS inserted one
 * (its published table, {@link #LEAP_SECOND_DAYS}; none has been inserted since 2016, and the IERS
 * announces a new one at least five months ahead, so this table must grow then). Any number of
 * fraction digits is accepted, as the grammar allows.
 *
 * <p>Stateless and thread-safe.
 */
public final class Rfc3339DateTime {
    /**
     * The UTC days at whose end, 23:59:60, a leap second was inserted: IERS Bulletin C, as listed in
     * the IERS/IETF leap-seconds.list (TAI-UTC from 10 s in 1972 to 37 s since 2017-01-01).
     */
    static final java.util.Set<LocalDate> LEAP_SECOND_DAYS = java.util.Set.of(
            LocalDate.of(1972, 6, 30), LocalDate.of(1972, 12, 31), LocalDate.of(1973, 12, 31), LocalDate.of(1974, 12, 31),
            LocalDate.of(1975, 12, 31), LocalDate.of(1976, 12, 31), LocalDate.of(1977, 12, 31), LocalDate.of(1978, 12, 31),
            LocalDate.of(1979, 12, 31), LocalDate.of(1981, 6, 30), LocalDate.of(1982, 6, 30), LocalDate.of(1983, 6, 30),
            LocalDate.of(1985, 6, 30), LocalDate.of(1987, 12, 31), LocalDate.of(1989, 12, 31), LocalDate.of(1990, 12, 31),
            LocalDate.of(1992, 6, 30), LocalDate.of(1993, 6, 30), LocalDate.of(1994, 6, 30), LocalDate.of(1995, 12, 31),
            LocalDate.of(1997, 6, 30), LocalDate.of(1998, 12, 31), LocalDate.of(2005, 12, 31), LocalDate.of(2008, 12, 31),
            LocalDate.of(2012, 6, 30), LocalDate.of(2015, 6, 30), LocalDate.of(2016, 12, 31));

    private Rfc3339DateTime() {}

    /** Whether {@code text} is an RFC 3339 date-time (see the class comment). */
    public static boolean isValid(String text) {
        // yyyy-mm-ddThh:mm:ss is 19 characters, and an offset at least one more.
        if (text == null || text.length() < 20) {
            return false;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
                || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' && text.charAt(10) != 't'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return false;
        }
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 60) {
            return false;
        }
        int at = 19;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < text.length() && isDigit(text.charAt(at))) {
                at++;
            }
            if (at == start || at == text.length()) {
                return false;
            }
        }
        char sign = text.charAt(at);
        int offsetMinutes;
        if (sign == 'Z' || sign == 'z') {
            if (at + 1 != text.length()) {
                return false;
            }
            offsetMinutes = 0;
        } else if (sign == '+' || sign == '-') {
            if (at + 6 != text.length() || text.charAt(at + 3) != ':') {
                return false;
            }
            int offsetHour = digits(text, at + 1, 2);
            int offsetMinute = digits(text, at + 4, 2);
            if (offsetHour < 0 || offsetMinute < 0 || offsetHour > 23 || offsetMinute > 59) {
                return false;
            }
            // -00:00 (RFC 3339 4.3: the offset to local time is unknown) is the instant of +00:00.
            offsetMinutes = (sign == '-' ? -1 : 1) * (offsetHour * 60 + offsetMinute);
        } else {
            return false;
        }
        return second < 60 || isLeapSecond(year, month, day, hour * 60 + minute, offsetMinutes);
    }

    /** Whether hh:mm:60 local at that offset is 23:59:60 UTC on a day of the leap-second table. */
    private static boolean isLeapSecond(int year, int month, int day, int minuteOfDay, int offsetMinutes) {
        int utcMinute = minuteOfDay - offsetMinutes;
        LocalDate date = LocalDate.of(year, month, day);
        if (utcMinute < 0) {
            date = date.minusDays(1);
            utcMinute += 24 * 60;
        } else if (utcMinute >= 24 * 60) {
            date = date.plusDays(1);
            utcMinute -= 24 * 60;
        }
        return utcMinute == 23 * 60 + 59 && LEAP_SECOND_DAYS.contains(date);
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1 when they are not all there. */
    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
