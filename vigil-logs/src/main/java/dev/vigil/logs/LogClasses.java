package dev.vigil.logs;

import dev.vigil.core.AwsException;
import dev.vigil.logs.insights.InsightsQuery;
import java.util.List;

/**
 * What a log group's class allows ("Log classes", CloudWatch Logs User Guide): Infrequent Access groups have no
 * GetLogEvents, FilterLogEvents, metric filters, subscription filters, Live Tail or field indexes, and their
 * Logs Insights queries may not use pattern, diff, filterIndex or unmask (Vigil parses unmask only; the others are
 * not in its query language). Refusals are AWS's InvalidOperationException "The log group G is of
 * log-group-class INFREQUENT_ACCESS. Op is not supported for this log class." Stateless.
 */
final class LogClasses {
    static final String INFREQUENT_ACCESS = "INFREQUENT_ACCESS";

    private LogClasses() {}

    /** Refuses {@code operation} on an Infrequent Access group. */
    static void requireStandard(LogGroup g, String operation) {
        if (INFREQUENT_ACCESS.equals(g.logGroupClass())) throw unsupported(g, operation);
    }

    /** Refuses a query using a command Infrequent Access groups do not support, if it reads such a group. */
    static void checkQuery(InsightsQuery query, List<LogGroup> groups) {
        if (query.unmaskedFields().isEmpty()) return;
        for (LogGroup g : groups) {
            if (INFREQUENT_ACCESS.equals(g.logGroupClass())) throw unsupported(g, "The unmask command");
        }
    }

    private static AwsException unsupported(LogGroup g, String what) {
        return AwsException.badRequest("InvalidOperationException", "The log group " + g.name()
                + " is of log-group-class " + INFREQUENT_ACCESS + ". " + what + " is not supported for this log class.");
    }
}
