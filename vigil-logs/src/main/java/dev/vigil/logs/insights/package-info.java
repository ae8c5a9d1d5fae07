/**
 * The CloudWatch Logs Insights query engine: a pure parser and executor, no storage and no I/O.
 *
 * <p>Use: {@link dev.vigil.logs.insights.InsightsQuery#parse(String)} once per StartQuery (a malformed
 * query throws {@link dev.vigil.logs.insights.InsightsQueryException} carrying AWS's
 * {@code MalformedQueryException} message and the {@code QueryCompileError} location), then
 * {@code start(maxRows)} (or {@code startNewestFirst(maxRows)} when the scan goes from the newest event
 * back), {@code accept} every event of the time range while {@code done()} is false, and {@code finish()}.
 *
 * <p>Language: the commands {@code fields}, {@code display}, {@code filter}, {@code stats} (several per
 * query; a later one aggregates the rows of the earlier), {@code sort}, {@code limit}, {@code parse} (glob
 * and regex with named groups), {@code dedup}, {@code unmask}; the operators, string, numeric, datetime, IP
 * and general functions and the aggregate functions of AWS's query syntax pages; comments, backtick names,
 * case-insensitive command and function names. Other commands of the newer language ({@code pattern},
 * {@code diff}, {@code anomaly}, {@code unnest}, {@code lookup}, {@code filterIndex}, {@code SOURCE}) are
 * rejected as malformed.
 *
 * <p>Discovered fields: JSON events (flattened, up to 200 fields), Lambda platform and runtime lines, VPC
 * flow log and Route 53 query log lines ({@link dev.vigil.logs.insights.FieldDiscovery}); AWS picks these by
 * log type, Vigil by the shape of the line.
 *
 * <p>Choices where AWS documents nothing exact: numbers print without a trailing {@code .0} and in the
 * shortest decimal form; booleans print {@code 1}/{@code 0} (as AWS's {@code ispresent} example shows);
 * {@code stddev} is the sample standard deviation; {@code pct} is the nearest-rank percentile;
 * {@code count_distinct} is exact up to 10,000 values, then a HyperLogLog estimate (AWS calls it approximate for
 * high cardinality); {@code @ingestionTime} prints like {@code @timestamp}; a group whose {@code by} values
 * are all absent is one group, sorted last; a stats query over no events has no rows; {@code bytesScanned}
 * is the UTF-8 size of the scanned messages.
 *
 * <p>Performance: an event is read through one reused row; system fields are read from the
 * {@link dev.vigil.logs.insights.LogRecord} directly, so a query over system fields allocates nothing per
 * event ({@code stats count(*) by bin(5m)} runs on a primitive-keyed group table); discovered fields are
 * parsed only when a query reads one, and only the names it reads are built. Interrupting the thread that
 * feeds a run stops a regular expression that backtracks without end.
 */
package dev.vigil.logs.insights;
