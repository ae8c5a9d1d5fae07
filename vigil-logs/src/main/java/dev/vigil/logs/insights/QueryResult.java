package dev.vigil.logs.insights;

import java.util.List;

/** The rows and statistics of one finished query execution. */
public record QueryResult(List<List<ResultField>> rows, long recordsMatched, long recordsScanned, long bytesScanned) {
    public QueryResult {
        rows = List.copyOf(rows);
    }
}
