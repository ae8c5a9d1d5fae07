package dev.vigil.logs.insights;

import java.util.List;
import java.util.regex.Pattern;

/** The compiled commands of a query, in pipeline order. Immutable. */
sealed interface Command {
    /** An output name bound to an expression; {@code assign} is false when the expression is that very field. */
    record Item(String name, int slot, Expr expr, boolean assign) { }

    record Fields(List<Item> items) implements Command { }

    record Display(List<Item> items) implements Command { }

    record Filter(Expr condition) implements Command { }

    record Parse(Expr source, Pattern pattern, List<String> groups, int[] slots) implements Command { }

    record Stats(List<Aggregate> aggregates, List<Item> values, List<Item> by) implements Command { }

    record SortKey(Expr field, boolean descending) { }

    record Sort(List<SortKey> keys) implements Command { }

    record Limit(int count) implements Command { }

    record Dedup(List<Expr> fields) implements Command { }

    record Unmask(Expr field) implements Command { }
}
