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
            Matcher m = s == null ? null : spec.pattern().matcher(new Interruptible(s));
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

    /** Sorts; when only the first rows are needed it keeps just those (a bounded heap). */
    static final class Sort extends Stage {
        private final Expr[] fields;
        private final boolean[] descending;
        private final Comparator<Row> order;
        private final int keep;
        private final List<Row> rows = new ArrayList<>();
        private final PriorityQueue<Row> top;
        private Object[] scratch;

        /** keep: how many of the first rows are needed downstream (a following limit), or MAX_VALUE. */
        Sort(List<Command.SortKey> keys, int keep) {
            this.fields = keys.stream().map(Command.SortKey::field).toArray(Expr[]::new);
            this.descending = new boolean[fields.length];
            for (int i = 0; i < fields.length; i++) descending[i] = keys.get(i).descending();
            this.order = (a, b) -> compareKeys(a.sortKeys, a, b.sortKeys, b);
            this.keep = keep;
            this.top = keep == Integer.MAX_VALUE ? null : new PriorityQueue<>(order.reversed());
        }

        /** Ties keep AWS's default order, newest first, so the result does not depend on the scan order. */
        private int compareKeys(Object[] a, Row ar, Object[] b, Row br) {
            for (int i = 0; i < a.length; i++) {
                int c = descending[i] ? Values.sortCompareDescending(a[i], b[i]) : Values.sortCompare(a[i], b[i]);
                if (c != 0) return c;
            }
            if (ar.record != null && br.record != null) {
                int c = Long.compare(br.record.timestamp(), ar.record.timestamp());
                if (c != 0) return c;
            }
            return Long.compare(ar.seq, br.seq);
        }

        @Override void push(Row row) {
            Object[] keys = scratch != null ? scratch : new Object[fields.length];
            for (int i = 0; i < keys.length; i++) keys[i] = fields[i].eval(row);
            if (top != null && top.size() >= keep) {
                Row worst = top.peek();
                if (compareKeys(keys, row, worst.sortKeys, worst) >= 0) {
                    scratch = keys; // rejected: reuse the array for the next row
                    return;
                }
                top.poll();
            }
            scratch = null;
            Row kept = row.copy();
            kept.sortKeys = keys;
            if (top != null) top.add(kept);
            else rows.add(kept);
        }

        @Override void flush() {
            List<Row> sorted = top == null ? rows : new ArrayList<>(top);
            sorted.sort(order);
            for (Row r : sorted) next.push(r);
            next.flush();
        }
    }

    /**
     * Keeps the first row (in sort order) of each combination of values; rows lacking one are all kept.
     * After a sort, rows arrive in order and stream through; otherwise AWS's default order applies (newest
     * first) and only the best row per combination is held.
     */
    static final class Dedup extends Stage {
        private final Expr[] fields;
        private final Comparator<Row> defaultOrder;
        private final Set<List<String>> seen = new HashSet<>();
        private final Map<List<String>, Row> best = new HashMap<>();
        private final List<Row> incomplete = new ArrayList<>();

        /** defaultOrder: the order when no sort precedes dedup (AWS: @timestamp descending); null after a sort. */
        Dedup(List<Expr> fields, Comparator<Row> defaultOrder) {
            this.fields = fields.toArray(new Expr[0]);
            this.defaultOrder = defaultOrder;
        }

        /** The combination of values, or null when one of them is absent. */
        private List<String> key(Row row) {
            String[] key = new String[fields.length];
            for (int i = 0; i < key.length; i++) {
                key[i] = Values.toText(fields[i].eval(row));
                if (key[i] == null) return null;
            }
            return Arrays.asList(key);
        }

        @Override void push(Row row) {
            List<String> key = key(row);
            if (defaultOrder == null) {
                if (key == null || seen.add(key)) next.push(row);
                return;
            }
            if (key == null) {
                incomplete.add(row.copy());
                return;
            }
            Row held = best.get(key);
            if (held == null || defaultOrder.compare(row, held) < 0) best.put(key, row.copy());
        }

        @Override void flush() {
            if (defaultOrder != null) {
                List<Row> rows = new ArrayList<>(best.values());
                rows.addAll(incomplete);
                rows.sort(defaultOrder);
                for (Row r : rows) next.push(r);
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
        /** Reused to look a group up without allocating a key per event. */
        private final Key probe;
        private long sequence;

        Stats(Command.Stats spec, int slotCount) {
            this.spec = spec;
            this.slotCount = slotCount;
            this.aggregates = spec.aggregates().toArray(new Aggregate[0]);
            this.by = spec.by().stream().map(Command.Item::expr).toArray(Expr[]::new);
            this.timeKey = by.length == 1 && by[0] instanceof Expr.TimeBucket tb ? tb : null;
            this.timeGroups = timeKey != null ? new LongGroups() : null;
            this.probe = new Key(new Object[by.length]);
        }

        /** The by-values of a group. Mutable only while it is the probe. */
        private static final class Key {
            final Object[] values;
            int hash;

            Key(Object[] values) { this.values = values; }

            void rehash() { hash = Arrays.hashCode(values); }

            @Override public int hashCode() { return hash; }

            @Override public boolean equals(Object o) {
                return o instanceof Key k && k.hash == hash && Arrays.equals(k.values, values);
            }
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
                    g = groups.computeIfAbsent(NULL_KEY, k -> new Group(new Object[1]));
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
                for (int i = 0; i < by.length; i++) probe.values[i] = by[i].eval(row);
                probe.rehash();
                g = groups.get(probe);
                if (g == null) {
                    Key k = new Key(probe.values.clone());
                    k.rehash();
                    g = new Group(k.values);
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
