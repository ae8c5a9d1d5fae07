package dev.vigil.iam.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Date values for the Date* operators: "one of the W3C implementations of the ISO 8601 date formats or
 * in epoch (UNIX) time" (Condition operators, Date). Values without a zone are read as UTC; epoch values
 * are seconds (aws:EpochTime), possibly fractional. Stateless, thread-safe.
 */
final class DateValues {
    /** Marks a value that is not a date: it matches nothing. */
    static final long INVALID = Long.MIN_VALUE;

    private DateValues() {}

    /** Milliseconds since the epoch, or {@link #INVALID}. */
    static long parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) return INVALID;
        if (isNumber(s)) {
            try {
                return new BigDecimal(s).movePointRight(3).longValue();
            } catch (NumberFormatException | ArithmeticException e) {
                return INVALID;
            }
        }
        try {
            if (s.indexOf('T') > 0) {
                char last = s.charAt(s.length() - 1);
                boolean zoned = last == 'Z' || last == 'z' || s.lastIndexOf('+') > s.indexOf('T')
                        || s.lastIndexOf('-') > s.indexOf('T');
                return zoned ? OffsetDateTime.parse(s.replace('z', 'Z')).toInstant().toEpochMilli()
                        : LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            return switch (s.length()) {
                case 4 -> Year.parse(s).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                case 7 -> YearMonth.parse(s).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                default -> LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            };
        } catch (DateTimeParseException e) {
            return INVALID;
        }
    }

    private static boolean isNumber(String s) {
        int start = s.charAt(0) == '-' ? 1 : 0;
        if (start == s.length()) return false;
        boolean dot = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && !dot) dot = true;
            else if (c < '0' || c > '9') return false;
        }
        // Four digits alone is a year in ISO 8601 ("YYYY"), not 1970 plus an hour.
        return !(s.length() == 4 && !dot && start == 0);
    }
}
