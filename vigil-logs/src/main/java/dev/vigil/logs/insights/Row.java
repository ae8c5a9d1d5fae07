package dev.vigil.logs.insights;

import java.util.Arrays;
import java.util.Map;

/**
 * The fields of one event (or one aggregated group) while it moves through the pipeline. Names assigned
 * by the query live in slots; other names fall back to the event's system fields and its discovered JSON
 * fields, which are parsed only when first asked for. One instance is reused for every scanned event;
 * {@link #copy()} keeps a row that a blocking command holds. Not thread-safe.
 */
final class Row {
    static final Object UNSET = new Object();

    LogRecord record;
    final Object[] slots;
    private Map<String, String> discovered;
    /** Aggregate results of the group this row stands for (rows produced by stats only). */
    Object[] aggregates;
    long seq;
    /** The values a sort command orders this row by (rows a sort holds only). */
    Object[] sortKeys;

    /** The discovered fields the query reads; null: all of them. */
    private final FieldDiscovery.Wanted wanted;

    Row(int slotCount) {
        this(slotCount, null);
    }

    Row(int slotCount, FieldDiscovery.Wanted wanted) {
        slots = new Object[slotCount];
        Arrays.fill(slots, UNSET);
        this.wanted = wanted;
    }

    void reset(LogRecord r, long sequence) {
        record = r;
        seq = sequence;
        discovered = null;
        if (slots.length > 0) Arrays.fill(slots, UNSET);
    }

    Map<String, String> discovered() {
        if (discovered == null) {
            if (record == null) discovered = Map.of();
            else discovered = wanted == null ? FieldDiscovery.fields(record.message())
                    : FieldDiscovery.fields(record.message(), wanted);
        }
        return discovered;
    }

    Row copy() {
        Row r = new Row(slots.clone(), wanted);
        r.record = record;
        r.discovered = discovered;
        r.aggregates = aggregates;
        r.seq = seq;
        return r;
    }

    private Row(Object[] slots, FieldDiscovery.Wanted wanted) {
        this.slots = slots;
        this.wanted = wanted;
    }
}
