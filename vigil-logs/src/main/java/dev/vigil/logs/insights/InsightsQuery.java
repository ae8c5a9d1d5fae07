package dev.vigil.logs.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled CloudWatch Logs Insights query. Immutable and thread-safe: each {@link #start(int)} makes an
 * independent execution.
 *
 * <p>Result shape, as GetQueryResults returns it: rows list only the fields that have a value; a query
 * without {@code fields}, {@code display} or {@code stats} shows {@code @timestamp} and {@code @message};
 * non-aggregated rows also carry {@code @ptr} (AWS adds it so a row can be opened with GetLogRecord).
 * Without {@code sort}, events come newest first (ties in the order fed), as AWS returns them and as its
 * {@code dedup} documentation states; a caller that scans newest first says so with
 * {@link #startNewestFirst(int)}, and a {@code limit} then ends the scan early through {@link QueryRun#done()}.
 * {@code stats} rows are ordered by their {@code by} values in AWS's sort order (time bins oldest first).
 */
public final class InsightsQuery {
    private final String text;
    private final List<Command> commands;
    private final int slotCount;
    private final Map<String, Integer> slots;
    private final List<String> columns;
    private final boolean aggregated;
    private final List<String> unmasked;
    private final FieldDiscovery.Wanted wanted;
    private final Source source;

    private InsightsQuery(String text, List<Command> commands, Map<String, Integer> slots, Source source) {
        this.text = text;
        this.source = source;
        this.commands = List.copyOf(commands);
        this.slots = Map.copyOf(slots);
        this.slotCount = slots.size();
        Set<String> cols = null;
        boolean agg = false, displayed = false;
        List<String> unmask = new ArrayList<>();
        for (Command c : commands) {
            if (c instanceof Command.Fields f) {
                // AWS: all fields commands add columns, unless a display says which to show
                if (cols == null) cols = new LinkedHashSet<>();
                if (!displayed) for (Command.Item i : f.items()) cols.add(i.name());
            } else if (c instanceof Command.Display d) {
                cols = new LinkedHashSet<>();
                for (Command.Item i : d.items()) cols.add(i.name());
                displayed = true;
            } else if (c instanceof Command.Stats s) {
                cols = new LinkedHashSet<>();
                for (Command.Item i : s.by()) cols.add(i.name());
                for (Command.Item i : s.values()) cols.add(i.name());
                agg = true;
                displayed = false;
            } else if (c instanceof Command.Unmask u) {
                unmask.add(((Expr.Field) u.field()).name);
            }
        }
        this.columns = cols == null ? List.of("@timestamp", "@message") : List.copyOf(cols);
        this.aggregated = agg;
        this.unmasked = List.copyOf(unmask);
        Set<String> discovered = new java.util.HashSet<>();
        for (String n : slots.keySet()) if (Expr.sys(n) == Expr.Sys.NONE) discovered.add(n);
        this.wanted = new FieldDiscovery.Wanted(discovered);
    }

    /** Compiles a query; throws {@link InsightsQueryException} with AWS's message when it is malformed. */
    public static InsightsQuery parse(String queryString) {
        if (queryString == null) queryString = "";
        Parser p = new Parser(queryString);
        List<Command> commands = p.parseQuery();
        p.slot("@timestamp"); // default columns and dedup's default order read these
        p.slot("@message");
        return new InsightsQuery(queryString, commands, p.slots, p.source);
    }

    /** The log groups a leading {@code SOURCE logGroups(...)} selects, or null when the query has none. */
    public Source source() {
        return source;
    }

    /** Starts an execution that returns at most {@code maxRows} rows (AWS's 10,000 cap or the API limit). */
    public QueryRun start(int maxRows) {
        return new Run(Math.max(0, maxRows), false);
    }

    /**
     * Starts an execution whose caller promises to feed events newest first (non-increasing
     * {@code @timestamp}). The result is the same; but rows then need no implicit ordering, so a
     * {@code limit} without {@code sort} makes {@link QueryRun#done()} true as soon as it is reached.
     */
    public QueryRun startNewestFirst(int maxRows) {
        return new Run(Math.max(0, maxRows), true);
    }

    public String queryString() {
        return text;
    }

    /** The columns a result row may carry, in order (a row omits those without a value). */
    public List<String> columns() {
        return columns;
    }

    /** True when the query aggregates (stats), so rows are groups rather than events. */
    public boolean aggregated() {
        return aggregated;
    }

    /** Fields named by {@code unmask}: data-protection masking must not be applied to them. */
    public List<String> unmaskedFields() {
        return unmasked;
    }

    /** True when the query may read fields discovered in the events (JSON, Lambda lines), parsed per event. */
    public boolean readsDiscoveredFields() {
        return slots.keySet().stream().anyMatch(n -> Expr.sys(n) == Expr.Sys.NONE);
    }

    /** One execution: its own row, stages and counters. One thread at a time (QueryRun's contract). */
    private final class Run implements QueryRun {
        private final Stage head;
        private final Stage.Matched matched;
        private final Output output;
        private final Stage.Limit stopAt;
        private final Row row = new Row(slotCount, wanted);
        private long scanned;
        private long bytes;
        private long sequence;
        private QueryResult result;

        Run(int maxRows, boolean fedNewestFirst) {
            output = new Output(maxRows);
            List<Stage> chain = new ArrayList<>();
            boolean sorted = fedNewestFirst;
            int firstStats = -1, firstLimit = -1; // firstLimit: the first sort, dedup or limit
            for (Command c : commands) {
                if (c instanceof Command.Fields f) {
                    chain.add(new Stage.Assign(f.items()));
                } else if (c instanceof Command.Display d) {
                    chain.add(new Stage.Assign(d.items()));
                } else if (c instanceof Command.Filter f) {
                    chain.add(new Stage.Filter(f.condition()));
                } else if (c instanceof Command.Parse p) {
                    chain.add(new Stage.Parse(p));
                } else if (c instanceof Command.Stats s) {
                    if (firstStats < 0) firstStats = chain.size();
                    chain.add(new Stage.Stats(s, slotCount));
                } else if (c instanceof Command.Sort s) {
                    if (firstLimit < 0) firstLimit = chain.size();
                    chain.add(new SortPlaceholder(s));
                    sorted = true;
                } else if (c instanceof Command.Limit l) {
                    if (firstLimit < 0) firstLimit = chain.size();
                    chain.add(new Stage.Limit(l.count()));
                } else if (c instanceof Command.Dedup d) {
                    if (firstLimit < 0) firstLimit = chain.size();
                    chain.add(new Stage.Dedup(d.fields(), sorted ? null : newestFirst()));
                }
            }
            // AWS returns events newest first unless the query orders them before any limit does
            int ordering = -1, limit = -1;
            for (int i = 0; i < chain.size(); i++) {
                Stage s = chain.get(i);
                boolean orders = s instanceof SortPlaceholder || s instanceof Stage.Stats || s instanceof Stage.Dedup;
                if (ordering < 0 && orders) ordering = i;
                if (limit < 0 && s instanceof Stage.Limit) limit = i;
            }
            boolean limitFirst = limit >= 0 && (ordering < 0 || limit < ordering);
            if (!fedNewestFirst && (limitFirst || ordering < 0)) {
                int at = limitFirst ? limit : chain.size();
                Expr ts = new Expr.Field("@timestamp", slots.get("@timestamp"));
                chain.add(at, new SortPlaceholder(new Command.Sort(List.of(new Command.SortKey(ts, true)))));
                if (firstStats >= at) firstStats++;
                if (firstLimit < 0 || at <= firstLimit) firstLimit = at;
                else firstLimit++;
            }
            // a sort followed (past commands that drop no rows) by a limit or the result only needs its first rows
            for (int i = 0; i < chain.size(); i++) {
                if (chain.get(i) instanceof SortPlaceholder sp) {
                    int j = i + 1;
                    while (j < chain.size() && chain.get(j) instanceof Stage.Assign) j++;
                    int keep = j == chain.size() ? maxRows
                            : chain.get(j) instanceof Stage.Limit l ? Math.min(l.capacity(), maxRows) : Integer.MAX_VALUE;
                    chain.set(i, new Stage.Sort(sp.spec.keys(), Math.max(1, keep)));
                }
            }
            matched = new Stage.Matched();
            int at = firstStats >= 0 ? firstStats : firstLimit >= 0 ? firstLimit : chain.size();
            chain.add(at, matched);
            Stage.Limit stop = null;
            for (Stage s : chain) {
                if (s instanceof Stage.Stats || s instanceof Stage.Sort || s instanceof Stage.Dedup) break;
                if (s instanceof Stage.Limit l) {
                    stop = l;
                    break;
                }
            }
            boolean blocking = chain.stream().anyMatch(s -> s instanceof Stage.Stats || s instanceof Stage.Sort
                    || s instanceof Stage.Dedup);
            stopAt = stop != null ? stop : blocking ? null : output;
            chain.add(output);
            for (int i = 0; i + 1 < chain.size(); i++) chain.get(i).next = chain.get(i + 1);
            head = chain.get(0);
        }

        @Override public void accept(LogRecord record) {
            accept(record, utf8Length(record.message()));
        }

        @Override public void accept(LogRecord record, long messageBytes) {
            if (result != null) throw new IllegalStateException("query run already finished");
            scanned++;
            bytes += messageBytes;
            row.reset(record, sequence++);
            head.push(row);
        }

        @Override public boolean done() {
            return stopAt != null && stopAt.full();
        }

        @Override public QueryResult finish() {
            if (result == null) {
                head.flush();
                result = new QueryResult(output.rows, matched.count, scanned, bytes);
            }
            return result;
        }
    }

    private Comparator<Row> newestFirst() {
        Expr ts = new Expr.Field("@timestamp", slots.get("@timestamp"));
        return (a, b) -> Long.compare(ts.evalMillis(b), ts.evalMillis(a));
    }

    /** Not a real stage: replaced once the following stage is known. Never run. */
    private static final class SortPlaceholder extends Stage {
        final Command.Sort spec;
        SortPlaceholder(Command.Sort spec) { this.spec = spec; }
        @Override void push(Row row) { throw new IllegalStateException(); }
    }

    /** The end of the chain: formats up to maxRows rows as GetQueryResults shows them. Owned by one run. */
    private final class Output extends Stage.Limit {
        final List<List<ResultField>> rows = new ArrayList<>();
        private final Expr.Field[] readers;

        Output(int maxRows) {
            super(maxRows);
            readers = columns.stream().map(n -> new Expr.Field(n, slots.get(n))).toArray(Expr.Field[]::new);
        }

        @Override void flush() { }

        @Override void pass(Row row) {
            List<ResultField> out = new ArrayList<>(readers.length + 1);
            boolean ptr = false;
            for (Expr.Field f : readers) {
                String s = Values.format(f.eval(row));
                if (s != null) out.add(new ResultField(f.name, s));
                ptr |= f.name.equals("@ptr");
            }
            if (!aggregated && !ptr && row.record != null && row.record.ptr() != null) {
                out.add(new ResultField("@ptr", row.record.ptr()));
            }
            rows.add(List.copyOf(out));
        }
    }

    static int utf8Length(String s) {
        if (s == null) return 0;
        int n = s.length(), bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) bytes += 1;
                else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2;
                    i++;
                } else bytes += 2;
            }
        }
        return bytes;
    }
}
