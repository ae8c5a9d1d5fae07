package dev.vigil.logs.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * A time period such as {@code 5m} or {@code 1h} used by bin, datefloor and dateceil. Fixed-length units
 * (ms … week) align to the epoch (weeks to Mondays, UTC); months, quarters and years to the calendar (UTC).
 * Immutable.
 */
record Period(long amount, Unit unit) {
    enum Unit {
        MILLISECOND(1), SECOND(1_000), MINUTE(60_000), HOUR(3_600_000), DAY(86_400_000L), WEEK(7 * 86_400_000L),
        MONTH(0), QUARTER(0), YEAR(0);
        final long millis;
        Unit(long millis) { this.millis = millis; }
    }

    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("millisecond", Unit.MILLISECOND), Map.entry("ms", Unit.MILLISECOND), Map.entry("msec", Unit.MILLISECOND),
            Map.entry("second", Unit.SECOND), Map.entry("s", Unit.SECOND), Map.entry("sec", Unit.SECOND),
            Map.entry("minute", Unit.MINUTE), Map.entry("m", Unit.MINUTE), Map.entry("min", Unit.MINUTE),
            Map.entry("hour", Unit.HOUR), Map.entry("h", Unit.HOUR), Map.entry("hr", Unit.HOUR),
            Map.entry("day", Unit.DAY), Map.entry("d", Unit.DAY),
            Map.entry("week", Unit.WEEK), Map.entry("w", Unit.WEEK),
            Map.entry("month", Unit.MONTH), Map.entry("mo", Unit.MONTH), Map.entry("mon", Unit.MONTH),
            Map.entry("quarter", Unit.QUARTER), Map.entry("q", Unit.QUARTER), Map.entry("qtr", Unit.QUARTER),
            Map.entry("year", Unit.YEAR), Map.entry("y", Unit.YEAR), Map.entry("yr", Unit.YEAR));

    /** The unit named by {@code word} (multi-letter units may take a plural s), or null. */
    static Unit unit(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        Unit u = UNITS.get(w);
        if (u == null && w.length() > 2 && w.endsWith("s")) u = UNITS.get(w.substring(0, w.length() - 1));
        return u;
    }

    boolean fixed() { return unit.millis > 0; }

    long lengthMillis() { return amount * unit.millis; }

    long floor(long t) {
        if (fixed()) {
            long len = lengthMillis();
            long origin = unit == Unit.WEEK ? 4 * 86_400_000L : 0; // 1970-01-05 is a Monday
            return Math.floorDiv(t - origin, len) * len + origin;
        }
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC);
        long months = switch (unit) {
            case MONTH -> amount;
            case QUARTER -> 3 * amount;
            default -> 12 * amount;
        };
        long index = (z.getYear() - 1970L) * 12 + z.getMonthValue() - 1;
        long start = Math.floorDiv(index, months) * months;
        LocalDate d = LocalDate.of(1970, 1, 1).plusMonths(start);
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    long ceil(long t) {
        long f = floor(t);
        if (f == t) return t;
        if (fixed()) return f + lengthMillis();
        long months = switch (unit) {
            case MONTH -> amount;
            case QUARTER -> 3 * amount;
            default -> 12 * amount;
        };
        return Instant.ofEpochMilli(f).atZone(ZoneOffset.UTC).plusMonths(months).toInstant().toEpochMilli();
    }
}
