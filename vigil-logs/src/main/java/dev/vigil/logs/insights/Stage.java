package dev.vigil.logs.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * One command of a running query. Rows are pushed through the chain; streaming stages mutate and pass on
 * the row they were given, blocking stages keep copies until {@link #flush()}. Not thread-safe: each
 * {@link QueryRun} owns its chain.
 */
abstract class Stage {
    Stage next;

    abstract void push(Row row);

    void flush() {
        next.flush();
    }

    /** Computes assigned fields (fields, display with computed items). */
    static final class Assign extends Stage {
        private final Command.Item[] items;

        Assign(List<Command.Item> items) {
            this.items = items.stream().filter(Command.Item::assign).toArray(Command.Item[]::new);
        }

        @Override void push(Row row) {
            for (Command.Item i : items) row.slots[i.slot()] = i.expr().eval(row);
            next.push(row);
        }
    }

    static final class Filter extends Stage {
        private final Expr condition;

        Filter(Expr condition) { this.condition = condition; }

        @Override void push(Row row) {
            if (condition.test(row)) next.push(row);
        }
    }

    static final class Parse extends Stage {
        private final Command.Parse spec;

        Parse(Command.Parse spec) { this.spec = spec; }

        @Override void push(Row row) {
            String s = Values.toText(spec.source().eval(row));
            Matcher m = s == null ? null : spec.pattern().matcher(s);
            boolean found = m != null && m.find();
            int[] slots = spec.slots();
            for (int i = 0; i < slots.length; i++) {
                row.slots[slots[i]] = found ? m.group(spec.groups().get(i)) : null;
            }
            next.push(row);
        }
    }

    /** Counts the events that matched the query (AWS's recordsMatched). */
    static final class Matched extends Stage {
        long count;

        @Override void push(Row row) {
            count++;
            next.push(row);
        }
    }

    static class Limit extends Stage {
        private final int max;
        private int passed;

        Limit(int max) { this.max = max; }

        @Override void push(Row row) {
            if (passed < max) {
                passed++;
                pass(row);
            }
        }

        void pass(Row row) {
            next.push(row);
        }

        boolean full() { return passed >= max; }

        int capacity() { return max; }
    }

    static final class Sort extends Stage {
        private final Comparator<Row> order;
        private final int keep;
        private final List<Row> rows = new ArrayList<>();
        private final PriorityQueue<Row> top;

        /** keep: how many of the first rows are needed downstream (a following limit), or MAX_VALUE. */
        Sort(List<Command.SortKey> keys, int keep) {
            this.order = comparator(keys);
            this.keep = keep;
            this.top = keep == Integer.MAX_VALUE ? null : new PriorityQueue<>(order.reversed());
        }

        static Comparator<Row> comparator(List<Command.SortKey> keys) {
            Comparator<Row> c = (a, b) -> 0;
            for (Command.SortKey k : keys) {
                c = c.thenComparing((a, b) -> {
                    Object x = k.field().eval(a), y = k.field().eval(b);
                    if (x == null || y == null) return Values.sortCompare(x, y);
                    int r = Values.compare(x, y);
                    return k.descending() ? -r : r;
                });
            }
            return c.thenComparingLong(r -> r.seq);
        }

        @Override void push(Row row) {
            if (top == null) {
                rows.add(row.copy());
                return;
            }
            if (top.size() < keep) {
                top.add(row.copy());
            } else if (order.compare(row, top.peek()) < 0) {
                top.poll();
                top.add(row.copy());
            }
        }

        @Override void flush() {
            List<Row> sorted = top == null ? rows : new ArrayList<>(top);
            sorted.sort(order);
            for (Row r : sorted) next.push(r);
            next.flush();
        }
    }

    /** Keeps the first row (in sort order) of each combination of values; rows lacking one are all kept. */
    static final class Dedup extends Stage {
        private final List<Expr> fields;
        private final Comparator<Row> defaultOrder;
        private final List<Row> rows = new ArrayList<>();

        /** defaultOrder: applied when no sort precedes dedup (AWS sorts by @timestamp descending); or null. */
        Dedup(List<Expr> fields, Comparator<Row> defaultOrder) {
            this.fields = fields;
            this.defaultOrder = defaultOrder;
        }

        @Override void push(Row row) {
            rows.add(row.copy());
        }

        @Override void flush() {
            if (defaultOrder != null) rows.sort(defaultOrder);
            Set<List<Object>> seen = new HashSet<>();
            for (Row r : rows) {
                Object[] key = new Object[fields.size()];
                boolean hasNull = false;
                for (int i = 0; i < key.length; i++) {
                    Object v = fields.get(i).eval(r);
                    key[i] = Values.toText(v);
                    hasNull |= v == null;
                }
                if (hasNull || seen.add(Arrays.asList(key))) next.push(r);
            }
            next.flush();
        }
    }

    static final class Stats extends Stage {
        private final Command.Stats spec;
        private final int slotCount;
        private final Aggregate[] aggregates;
        private final Expr[] by;
        private final Expr.TimeBucket timeKey;
        private final Map<Object, Group> groups = new HashMap<>();
        private final LongGroups timeGroups;
        private long sequence;

        Stats(Command.Stats spec, int slotCount) {
            this.spec = spec;
            this.slotCount = slotCount;
            this.aggregates = spec.aggregates().toArray(new Aggregate[0]);
            this.by = spec.by().stream().map(Command.Item::expr).toArray(Expr[]::new);
            this.timeKey = by.length == 1 && by[0] instanceof Expr.TimeBucket tb ? tb : null;
            this.timeGroups = timeKey != null ? new LongGroups() : null;
        }

        final class Group {
            final Object[] key;
            final Aggregate.Acc[] accs;

            Group(Object[] key) {
                this.key = key;
                accs = new Aggregate.Acc[aggregates.length];
                for (int i = 0; i < accs.length; i++) accs[i] = aggregates[i].newAcc();
            }

            void add(Row row) {
                for (Aggregate.Acc a : accs) a.add(row);
            }
        }

        @Override void push(Row row) {
            Group g;
            if (timeKey != null) {
                long t = timeKey.evalMillis(row);
                if (t == Long.MIN_VALUE) {
                    g = groups.computeIfAbsent(NULL_KEY, k -> new Group(new Object[] {null}));
                } else {
                    g = timeGroups.get(t);
                    if (g == null) {
                        g = new Group(new Object[] {new Values.Time(t)});
                        timeGroups.put(t, g);
                    }
                }
            } else if (by.length == 0) {
                g = groups.computeIfAbsent(NULL_KEY, k -> new Group(new Object[0]));
            } else {
                Object[] key = new Object[by.length];
                for (int i = 0; i < key.length; i++) key[i] = by[i].eval(row);
                List<Object> k = Arrays.asList(key);
                g = groups.get(k);
                if (g == null) {
                    g = new Group(key);
                    groups.put(k, g);
                }
            }
            g.add(row);
        }

        @Override void flush() {
            List<Group> all = new ArrayList<>(groups.values());
            if (timeGroups != null) timeGroups.addTo(all);
            all.sort((a, b) -> {
                for (int i = 0; i < a.key.length; i++) {
                    int c = Values.sortCompare(a.key[i], b.key[i]);
                    if (c != 0) return c;
                }
                return 0;
            });
            for (Group g : all) {
                Row out = new Row(slotCount);
                out.seq = sequence++;
                Object[] results = new Object[g.accs.length];
                for (int i = 0; i < results.length; i++) results[i] = g.accs[i].result();
                out.aggregates = results;
                for (int i = 0; i < by.length; i++) out.slots[spec.by().get(i).slot()] = g.key[i];
                for (Command.Item v : spec.values()) out.slots[v.slot()] = v.expr().eval(out);
                out.aggregates = null;
                next.push(out);
            }
            next.flush();
        }

        private static final Object NULL_KEY = new Object();
    }

    /** Open-addressing map from time bucket to group: the hot path of {@code stats ... by bin(...)}. */
    static final class LongGroups {
        private long[] keys = new long[64];
        private Stats.Group[] values = new Stats.Group[64];
        private int size;
        private long lastKey = Long.MIN_VALUE;
        private Stats.Group last;

        Stats.Group get(long k) {
            if (k == lastKey && last != null) return last;
            int mask = keys.length - 1;
            for (int i = mix(k) & mask; values[i] != null; i = (i + 1) & mask) {
                if (keys[i] == k) {
                    lastKey = k;
                    last = values[i];
                    return last;
                }
            }
            return null;
        }

        void put(long k, Stats.Group g) {
            if ((size + 1) * 2 > keys.length) grow();
            insert(k, g);
            size++;
            lastKey = k;
            last = g;
        }

        private void insert(long k, Stats.Group g) {
            int mask = keys.length - 1;
            int i = mix(k) & mask;
            while (values[i] != null) i = (i + 1) & mask;
            keys[i] = k;
            values[i] = g;
        }

        private void grow() {
            long[] ok = keys;
            Stats.Group[] ov = values;
            keys = new long[ok.length * 2];
            values = new Stats.Group[ok.length * 2];
            for (int i = 0; i < ok.length; i++) if (ov[i] != null) insert(ok[i], ov[i]);
        }

        private static int mix(long k) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        void addTo(List<Stats.Group> out) {
            for (Stats.Group g : values) if (g != null) out.add(g);
        }
    }
}
