package dev.vigil.logs.insights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads the fixed event corpus and the table-driven case files under {@code src/test/resources/insights}. */
final class InsightsCases {
    static final long BASE = 1709287200000L; // 2024-03-01 10:00:00 UTC
    static final String ACCOUNT = "123456789012";

    record Case(String name, String query, List<List<ResultField>> rows, Long matched, Long scanned, String error) {
        @Override public String toString() { return name; }
    }

    private InsightsCases() { }

    static List<LogRecord> corpus() {
        return corpus("corpus.tsv");
    }

    static List<LogRecord> corpus(String resource) {
        List<LogRecord> out = new ArrayList<>();
        int n = 0;
        for (String line : read(resource).split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] p = line.split("\t", 3);
            n++;
            long ts = BASE + Long.parseLong(p[0]) * 1000;
            String group = ACCOUNT + ":" + (p[1].equals("worker") ? "/app/worker" : "/app/web");
            out.add(new LogRecord(ts, p[2], p[1], group, ts + 500, "p" + n));
        }
        return out;
    }

    static List<Case> load(String resource) {
        List<Case> cases = new ArrayList<>();
        String[] lines = read(resource).split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith("== ")) {
                i++;
                continue;
            }
            String name = lines[i++].substring(3);
            StringBuilder query = new StringBuilder();
            while (!lines[i].equals("--")) {
                if (query.length() > 0) query.append('\n');
                query.append(lines[i++]);
            }
            i++;
            List<List<ResultField>> rows = new ArrayList<>();
            Long matched = null, scanned = null;
            String error = null;
            for (; i < lines.length && !lines[i].isEmpty(); i++) {
                String l = lines[i];
                if (l.startsWith("!error ")) {
                    error = l.substring(7);
                } else if (l.startsWith("!stats ")) {
                    for (String kv : l.substring(7).split(" ")) {
                        String[] p = kv.split("=");
                        if (p[0].equals("matched")) matched = Long.parseLong(p[1]);
                        else scanned = Long.parseLong(p[1]);
                    }
                } else if (l.equals("(empty row)")) {
                    rows.add(List.of());
                } else {
                    List<ResultField> row = new ArrayList<>();
                    for (String f : l.split(" ¦ ", -1)) {
                        int eq = f.indexOf('=');
                        row.add(new ResultField(f.substring(0, eq), f.substring(eq + 1)));
                    }
                    rows.add(row);
                }
            }
            cases.add(new Case(name, query.toString(), rows, matched, scanned, error));
        }
        return cases;
    }

    /** Runs a query over records the way the Logs service does: stops when the run says it is done. */
    static QueryResult run(String query, List<LogRecord> records) {
        QueryRun run = InsightsQuery.parse(query).start(10_000);
        for (LogRecord r : records) {
            if (run.done()) break;
            run.accept(r);
        }
        return run.finish();
    }

    private static String read(String name) {
        try (InputStream in = InsightsCases.class.getResourceAsStream("/insights/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource insights/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
