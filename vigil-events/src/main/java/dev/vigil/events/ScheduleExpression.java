package dev.vigil.events;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's {@code rate(value unit)} or {@code cron(min hour day-of-month month day-of-week year)} in AWS's syntax
 * (UTC; one of the day fields must be {@code ?}; {@code L}, {@code W} and {@code #} as AWS documents), and the
 * next firing after an instant. Immutable.
 */
public final class ScheduleExpression {
    static final String INVALID = "Parameter ScheduleExpression is not valid.";
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\(([^)]*)\\)");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final Duration rate;
    private final BitSet minutes;
    private final BitSet hours;
    private final String domField;
    private final BitSet dom;
    private final BitSet months;
    private final String dowField;
    private final BitSet dow;
    private final BitSet years;

    private ScheduleExpression(Duration rate, BitSet minutes, BitSet hours, String domField, BitSet dom, BitSet months,
                               String dowField, BitSet dow, BitSet years) {
        this.rate = rate;
        this.minutes = minutes;
        this.hours = hours;
        this.domField = domField;
        this.dom = dom;
        this.months = months;
        this.dowField = dowField;
        this.dow = dow;
        this.years = years;
    }

    /** Parses; ValidationException "Parameter ScheduleExpression is not valid." otherwise. */
    public static ScheduleExpression parse(String text) {
        Matcher r = RATE.matcher(text);
        if (r.matches()) {
            long n;
            try {
                n = Long.parseLong(r.group(1));
            } catch (NumberFormatException e) {
                throw EventsErrors.validation(INVALID);
            }
            String unit = r.group(2);
            boolean plural = unit.endsWith("s");
            if (n < 1 || (n == 1) == plural) throw EventsErrors.validation(INVALID);
            Duration d = switch (unit.charAt(0)) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return new ScheduleExpression(d, null, null, null, null, null, null, null, null);
        }
        Matcher c = CRON.matcher(text);
        if (!c.matches()) throw EventsErrors.validation(INVALID);
        String[] f = c.group(1).trim().split("\\s+");
        if (f.length != 6) throw EventsErrors.validation(INVALID);
        boolean domAny = f[2].equals("?");
        boolean dowAny = f[4].equals("?");
        if (domAny == dowAny) throw EventsErrors.validation(INVALID);
        try {
            return new ScheduleExpression(null, field(f[0], 0, 59, null), field(f[1], 0, 23, null),
                    f[2], domAny ? null : dayOfMonth(f[2]), field(f[3], 1, 12, MONTHS),
                    f[4], dowAny ? null : dayOfWeek(f[4]), field(f[5], 1970, 2199, null));
        } catch (IllegalArgumentException e) {
            throw EventsErrors.validation(INVALID);
        }
    }

    public boolean isRate() { return rate != null; }

    /** The first firing strictly after {@code after} (rates: one period later), or null if there is none. */
    public Instant next(Instant after) {
        if (rate != null) return after.plus(rate);
        LocalDateTime t = LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate day = t.toLocalDate();
        for (int i = 0; i < 366 * 5 && day.getYear() <= 2199; i++, day = day.plusDays(1)) {
            if (!years.get(day.getYear()) || !months.get(day.getMonthValue()) || !dayMatches(day)) continue;
            int fromMinute = day.equals(t.toLocalDate()) ? t.getHour() * 60 + t.getMinute() : 0;
            for (int h = fromMinute / 60; h < 24; h++) {
                if (!hours.get(h)) continue;
                int m = minutes.nextSetBit(h == fromMinute / 60 ? fromMinute % 60 : 0);
                if (m >= 0 && m < 60) return day.atTime(h, m).toInstant(ZoneOffset.UTC);
            }
        }
        return null;
    }

    private boolean dayMatches(LocalDate d) {
        if (dom != null) {
            if (domField.equals("L")) return d.getDayOfMonth() == d.lengthOfMonth();
            if (domField.endsWith("W")) return d.equals(nearestWeekday(d, Integer.parseInt(domField.substring(0, domField.length() - 1))));
            return dom.get(d.getDayOfMonth());
        }
        int aws = d.getDayOfWeek().getValue() % 7 + 1; // AWS: 1 = SUN .. 7 = SAT
        if (dowField.contains("#")) {
            String[] p = dowField.split("#");
            return aws == dayNumber(p[0]) && (d.getDayOfMonth() - 1) / 7 + 1 == Integer.parseInt(p[1]);
        }
        if (dowField.endsWith("L") && dowField.length() > 1) {
            int wanted = dayNumber(dowField.substring(0, dowField.length() - 1));
            return aws == wanted && d.plusWeeks(1).getMonthValue() != d.getMonthValue();
        }
        return dow.get(aws);
    }

    private static LocalDate nearestWeekday(LocalDate inMonth, int dayOfMonth) {
        if (dayOfMonth > inMonth.lengthOfMonth()) return null;
        LocalDate target = inMonth.withDayOfMonth(dayOfMonth);
        if (target.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return dayOfMonth == 1 ? target.plusDays(2) : target.minusDays(1);
        }
        if (target.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return dayOfMonth == target.lengthOfMonth() ? target.minusDays(2) : target.plusDays(1);
        }
        return target;
    }

    private static BitSet dayOfMonth(String f) {
        if (f.equals("L")) return new BitSet();
        if (f.endsWith("W")) {
            int n = Integer.parseInt(f.substring(0, f.length() - 1));
            if (n < 1 || n > 31) throw new IllegalArgumentException();
            return new BitSet();
        }
        return field(f, 1, 31, null);
    }

    private static BitSet dayOfWeek(String f) {
        if (f.contains("#")) {
            String[] p = f.split("#");
            if (p.length != 2) throw new IllegalArgumentException();
            int k = Integer.parseInt(p[1]);
            if (k < 1 || k > 5) throw new IllegalArgumentException();
            dayNumber(p[0]);
            return new BitSet();
        }
        if (f.endsWith("L") && f.length() > 1) {
            dayNumber(f.substring(0, f.length() - 1));
            return new BitSet();
        }
        return field(f, 1, 7, DAYS);
    }

    private static int dayNumber(String s) {
        int i = DAYS.indexOf(s.toUpperCase(Locale.ROOT));
        int n = i >= 0 ? i + 1 : Integer.parseInt(s);
        if (n < 1 || n > 7) throw new IllegalArgumentException();
        return n;
    }

    /** A list of {@code *}, {@code a}, {@code a-b}, each optionally {@code /step}. */
    private static BitSet field(String f, int min, int max, List<String> names) {
        BitSet out = new BitSet();
        for (String part : f.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = Integer.parseInt(part.substring(slash + 1));
                if (step < 1) throw new IllegalArgumentException();
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max;
            } else if (range.contains("-")) {
                String[] p = range.split("-", -1);
                if (p.length != 2) throw new IllegalArgumentException();
                lo = value(p[0], min, names);
                hi = value(p[1], min, names);
            } else {
                lo = value(range, min, names);
                hi = slash >= 0 ? max : lo;
            }
            if (lo < min || hi > max || lo > hi) throw new IllegalArgumentException();
            for (int v = lo; v <= hi; v += step) out.set(v);
        }
        return out;
    }

    private static int value(String s, int min, List<String> names) {
        if (names != null) {
            int i = names.indexOf(s.toUpperCase(Locale.ROOT));
            if (i >= 0) return i + 1;
        }
        if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) throw new IllegalArgumentException();
        return Integer.parseInt(s);
    }

}
