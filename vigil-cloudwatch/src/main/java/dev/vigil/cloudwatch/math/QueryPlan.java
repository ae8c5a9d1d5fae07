package dev.vigil.cloudwatch.math;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order to evaluate a request's expressions in: each after the expressions it names (metrics are read
 * first and need no order). An id that names no query, or expressions that name each other in a cycle, are
 * errors. Stateless.
 */
public final class QueryPlan {
    private QueryPlan() {}

    /**
     * @param expressions id → parsed expression, in request order
     * @param metricIds   ids of the MetricStat queries
     * @return expression ids in an order where every expression follows those it references
     */
    public static List<String> order(Map<String, MetricMath.Expression> expressions, Set<String> metricIds) {
        for (Map.Entry<String, MetricMath.Expression> e : expressions.entrySet()) {
            for (String ref : e.getValue().references()) {
                if (!metricIds.contains(ref) && !expressions.containsKey(ref)) {
                    throw new MathException("Error in expression " + e.getKey() + ": Unrecognized identifier "
                            + ref + ".");
                }
                if (ref.equals(e.getKey())) {
                    throw new MathException("Error in expression " + e.getKey() + ": it references itself.");
                }
            }
        }
        List<String> out = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>();
        for (String id : expressions.keySet()) visit(id, expressions, state, out, new ArrayList<>());
        return out;
    }

    /** Depth-first; state 1 = on the current path (seeing it again is a cycle), 2 = done. */
    private static void visit(String id, Map<String, MetricMath.Expression> expressions, Map<String, Integer> state,
                              List<String> out, List<String> path) {
        Integer s = state.get(id);
        if (s != null && s == 2) return;
        path.add(id);
        if (s != null) {
            throw new MathException("Error in expression " + id + ": circular reference " + String.join(" -> ", path)
                    + ".");
        }
        state.put(id, 1);
        for (String ref : expressions.get(id).references()) {
            if (expressions.containsKey(ref)) visit(ref, expressions, state, out, path);
        }
        state.put(id, 2);
        path.remove(path.size() - 1);
        out.add(id);
    }
}
