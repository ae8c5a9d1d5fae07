package dev.vigil.cloudwatch;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the extended statistics' spellings: {@code pNN.NN}, {@code tm90}/{@code wm}/{@code tc}/{@code ts},
 * {@code TM(10%:90%)}, {@code TM(150:1000)}, {@code PR(:300)}, {@code IQM}. Numbers take up to 10 decimals;
 * percentages lie in 0..100; both bounds of a range are percentages or both values, lower below upper; PR takes
 * values only. Stateless.
 */
final class StatisticParser {
    private static final String NUMBER = "\\d{1,3}(\\.\\d{1,10})?";
    private static final Pattern PERCENTILE = Pattern.compile("p(" + NUMBER + ")");
    private static final Pattern SHORT_TRIMMED = Pattern.compile("(tm|wm|tc|ts)(" + NUMBER + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGED = Pattern.compile("(TM|WM|TC|TS|PR)\\(([^:()]*):([^:()]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOUND = Pattern.compile("(-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?)(%?)");
    private static final Statistic.Bound INVALID = new Statistic.Bound(Double.NaN, false);

    private StatisticParser() {}

    static Statistic extended(String text) {
        if (text == null) return null;
        Matcher m = PERCENTILE.matcher(text);
        if (m.matches()) {
            double p = Double.parseDouble(m.group(1));
            return p <= 100 ? new Statistic.Percentile(text, p) : null;
        }
        if (text.equalsIgnoreCase("IQM")) {
            return new Statistic.Trimmed(text, Statistic.TrimmedKind.TM, new Statistic.Bound(25, true),
                    new Statistic.Bound(75, true));
        }
        m = SHORT_TRIMMED.matcher(text);
        if (m.matches()) {
            double p = Double.parseDouble(m.group(2));
            Statistic.TrimmedKind kind = Statistic.TrimmedKind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            return p <= 100 ? new Statistic.Trimmed(text, kind, null, new Statistic.Bound(p, true)) : null;
        }
        m = RANGED.matcher(text);
        if (!m.matches()) return null;
        Statistic.TrimmedKind kind = Statistic.TrimmedKind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        Statistic.Bound lo = bound(m.group(2));
        Statistic.Bound hi = bound(m.group(3));
        if (lo == INVALID || hi == INVALID || (lo == null && hi == null)) return null;
        if (kind == Statistic.TrimmedKind.PR && ((lo != null && lo.percent()) || (hi != null && hi.percent()))) return null;
        if (lo != null && hi != null && lo.percent() != hi.percent()) return null;
        if (lo != null && hi != null && lo.number() >= hi.number()) return null;
        return new Statistic.Trimmed(text, kind, lo, hi);
    }

    private static Statistic.Bound bound(String text) {
        if (text.isEmpty()) return null;
        Matcher m = BOUND.matcher(text);
        if (!m.matches()) return INVALID;
        boolean percent = !m.group(4).isEmpty();
        double n = new BigDecimal(m.group(1)).doubleValue();
        if (percent && (n < 0 || n > 100)) return INVALID;
        return new Statistic.Bound(n, percent);
    }
}
