package dev.vigil.cloudwatch.math;

import java.util.List;
import java.util.Set;

/** The parsed expression tree. Immutable. */
public sealed interface Node {
    record Num(double value) implements Node {}

    record Text(String text) implements Node {}

    /** The Id of another query in the request. */
    record Ref(String id) implements Node {}

    record Word(String word) implements Node {}

    record Call(String function, List<Node> args) implements Node {}

    record ArrayOf(List<Node> items) implements Node {}

    /** Arithmetic ({@code + - * / ^}), comparison ({@code < <= > >= == !=}) and logical ({@code AND OR}). */
    record Binary(String op, Node left, Node right) implements Node {}

    /** Unary minus ({@code -}) or logical NOT ({@code !}). */
    record Unary(String op, Node operand) implements Node {}

    /** The Ids this expression refers to, in no particular order; METRICS() is not an Id reference. */
    static void collectRefs(Node n, Set<String> out) {
        if (n instanceof Ref r) {
            out.add(r.id());
        } else if (n instanceof Call c) {
            c.args().forEach(a -> collectRefs(a, out));
        } else if (n instanceof ArrayOf a) {
            a.items().forEach(x -> collectRefs(x, out));
        } else if (n instanceof Binary b) {
            collectRefs(b.left(), out);
            collectRefs(b.right(), out);
        } else if (n instanceof Unary u) {
            collectRefs(u.operand(), out);
        }
    }
}
