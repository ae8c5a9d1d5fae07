package dev.vigil.logs.insights;

import java.util.List;
import java.util.regex.Pattern;

/** A compiled expression. Immutable and thread-safe: all per-event state lives in the {@link Row}. */
abstract class Expr {
    abstract Object eval(Row row);

    /** The value as epoch milliseconds, without boxing where the expression allows it. */
    long evalMillis(Row row) {
        return Values.toMillis(eval(row));
    }

    boolean test(Row row) {
        return Values.truthy(eval(row));
    }

    /** True when evaluating this needs the event's discovered (JSON) fields. */
    boolean needsDiscovery() {
        return false;
    }

    enum Sys { NONE, TIMESTAMP, MESSAGE, LOG_STREAM, LOG, INGESTION_TIME, PTR }

    static Sys sys(String name) {
        return switch (name) {
            case "@timestamp" -> Sys.TIMESTAMP;
            case "@message" -> Sys.MESSAGE;
            case "@logStream" -> Sys.LOG_STREAM;
            case "@log" -> Sys.LOG;
            case "@ingestionTime" -> Sys.INGESTION_TIME;
            case "@ptr" -> Sys.PTR;
            default -> Sys.NONE;
        };
    }

    static final class Lit extends Expr {
        final Object value;
        Lit(Object value) { this.value = value; }
        @Override Object eval(Row row) { return value; }
    }

    static final class Field extends Expr {
        final String name;
        final int slot;
        final Sys sys;

        Field(String name, int slot) {
            this.name = name;
            this.slot = slot;
            this.sys = sys(name);
        }

        @Override Object eval(Row row) {
            Object v = row.slots[slot];
            if (v != Row.UNSET) return v;
            LogRecord r = row.record;
            if (r == null) return null;
            return switch (sys) {
                case TIMESTAMP -> new Values.Time(r.timestamp());
                case MESSAGE -> r.message();
                case LOG_STREAM -> r.logStream();
                case LOG -> r.logGroup();
                case INGESTION_TIME -> new Values.Time(r.ingestionTime());
                case PTR -> r.ptr();
                case NONE -> row.discovered().get(name);
            };
        }

        @Override long evalMillis(Row row) {
            if (row.slots[slot] == Row.UNSET && row.record != null) {
                if (sys == Sys.TIMESTAMP) return row.record.timestamp();
                if (sys == Sys.INGESTION_TIME) return row.record.ingestionTime();
            }
            return super.evalMillis(row);
        }

        @Override boolean needsDiscovery() { return sys == Sys.NONE; }
    }

    static final class Neg extends Expr {
        final Expr e;
        Neg(Expr e) { this.e = e; }
        @Override Object eval(Row row) {
            double d = Values.toNumber(e.eval(row));
            return Double.isNaN(d) ? null : -d;
        }
        @Override boolean needsDiscovery() { return e.needsDiscovery(); }
    }

    static final class Arith extends Expr {
        final char op;
        final Expr l, r;
        Arith(char op, Expr l, Expr r) { this.op = op; this.l = l; this.r = r; }
        @Override Object eval(Row row) {
            double a = Values.toNumber(l.eval(row));
            double b = Values.toNumber(r.eval(row));
            if (Double.isNaN(a) || Double.isNaN(b)) return null;
            double v = switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> b == 0 ? Double.NaN : a / b;
                case '%' -> b == 0 ? Double.NaN : a % b;
                default -> Math.pow(a, b);
            };
            return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
        }
        @Override boolean needsDiscovery() { return l.needsDiscovery() || r.needsDiscovery(); }
    }

    static final class Cmp extends Expr {
        final String op;
        final Expr l, r;
        Cmp(String op, Expr l, Expr r) { this.op = op; this.l = l; this.r = r; }
        @Override Object eval(Row row) { return test(row); }
        @Override boolean test(Row row) {
            Object a = l.eval(row), b = r.eval(row);
            if (a == null || b == null) return false;
            return switch (op) {
                case "=" -> Values.equal(a, b);
                case "!=" -> !Values.equal(a, b);
                case "<" -> Values.compare(a, b) < 0;
                case "<=" -> Values.compare(a, b) <= 0;
                case ">" -> Values.compare(a, b) > 0;
                default -> Values.compare(a, b) >= 0;
            };
        }
        @Override boolean needsDiscovery() { return l.needsDiscovery() || r.needsDiscovery(); }
    }

    static final class And extends Expr {
        final Expr l, r;
        And(Expr l, Expr r) { this.l = l; this.r = r; }
        @Override Object eval(Row row) { return test(row); }
        @Override boolean test(Row row) { return l.test(row) && r.test(row); }
        @Override boolean needsDiscovery() { return l.needsDiscovery() || r.needsDiscovery(); }
    }

    static final class Or extends Expr {
        final Expr l, r;
        Or(Expr l, Expr r) { this.l = l; this.r = r; }
        @Override Object eval(Row row) { return test(row); }
        @Override boolean test(Row row) { return l.test(row) || r.test(row); }
        @Override boolean needsDiscovery() { return l.needsDiscovery() || r.needsDiscovery(); }
    }

    static final class Not extends Expr {
        final Expr e;
        Not(Expr e) { this.e = e; }
        @Override Object eval(Row row) { return test(row); }
        @Override boolean test(Row row) { return !e.test(row); }
        @Override boolean needsDiscovery() { return e.needsDiscovery(); }
    }

    /** {@code like} / {@code =~}: a substring for a string literal, a regex search for {@code /regex/}. */
    static final class Like extends Expr {
        final Expr e;
        final String substring;
        final Pattern regex;
        final boolean negated;
        Like(Expr e, String substring, Pattern regex, boolean negated) {
            this.e = e; this.substring = substring; this.regex = regex; this.negated = negated;
        }
        @Override Object eval(Row row) { return test(row); }
        @Override boolean test(Row row) {
            String s = Values.toText(e.eval(row));
            if (s == null) return false;
            boolean m = regex != null ? regex.matcher(new Interruptible(s)).find() : s.contains(substring);
            return m != negated;
        }
        @Override boolean needsDiscovery() { return e.needsDiscovery(); }
    }

    static final class In extends Expr {
        final Expr e;
        final List<Expr> items;
        final boolean negated;
        In(Expr e, List<Expr> items, boolean negated) { this.e = e; this.items = items; this.negated = negated; }
        @Override Object eval(Row row) { return test(row); }
        @Override boolean test(Row row) {
            Object v = e.eval(row);
            if (v == null) return false;
            for (Expr i : items) {
                Object c = i.eval(row);
                if (c != null && Values.equal(v, c)) return !negated;
            }
            return negated;
        }
        @Override boolean needsDiscovery() {
            return e.needsDiscovery() || items.stream().anyMatch(Expr::needsDiscovery);
        }
    }

    /** bin(period), datefloor(t, period) and dateceil(t, period): a time bucket. */
    static final class TimeBucket extends Expr {
        final Expr time;
        final Period period;
        final boolean ceil;
        TimeBucket(Expr time, Period period, boolean ceil) { this.time = time; this.period = period; this.ceil = ceil; }
        @Override Object eval(Row row) {
            long t = evalMillis(row);
            return t == Long.MIN_VALUE ? null : new Values.Time(t);
        }
        @Override long evalMillis(Row row) {
            long t = time.evalMillis(row);
            if (t == Long.MIN_VALUE) return t;
            return ceil ? period.ceil(t) : period.floor(t);
        }
        @Override boolean needsDiscovery() { return time.needsDiscovery(); }
    }

    static final class Call extends Expr {
        final Functions.Fn fn;
        final Expr[] args;
        Call(Functions.Fn fn, Expr[] args) { this.fn = fn; this.args = args; }
        @Override Object eval(Row row) {
            Object[] v = new Object[args.length];
            for (int i = 0; i < v.length; i++) v[i] = args[i].eval(row);
            return fn.apply(v);
        }
        @Override boolean needsDiscovery() {
            for (Expr a : args) if (a.needsDiscovery()) return true;
            return false;
        }
    }

    /** The value of aggregate number {@code index} of the group a stats output row stands for. */
    static final class AggRef extends Expr {
        final int index;
        AggRef(int index) { this.index = index; }
        @Override Object eval(Row row) { return row.aggregates == null ? null : row.aggregates[index]; }
    }
}
