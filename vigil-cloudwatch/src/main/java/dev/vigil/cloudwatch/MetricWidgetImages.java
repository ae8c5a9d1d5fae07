package dev.vigil.cloudwatch;

import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricWidgetImageRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricWidgetImageResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * GetMetricWidgetImage: parses the widget ({@link MetricWidget}), answers its metrics and expressions through
 * GetMetricData (the same engine, metric math included) and draws them ({@link WidgetRenderer}) as a PNG.
 * OutputFormat "png" (the default) and "image/png" both answer the PNG in MetricWidgetImage (a raw image/png
 * body for custom HTTP clients is not served). Thread-safe (stateless).
 */
final class MetricWidgetImages {
    private final MetricDataQueries metricData;
    private final Clock clock;

    MetricWidgetImages(MetricDataQueries metricData, Clock clock) {
        this.metricData = metricData;
        this.clock = clock;
    }

    GetMetricWidgetImageResponse getMetricWidgetImage(RequestContext ctx, GetMetricWidgetImageRequest r) {
        String format = r.outputFormat();
        if (format != null && !format.equals("png") && !format.equals("image/png")) {
            throw CloudWatchErrors.invalidValue("The value " + format + " for parameter OutputFormat is not valid."
                    + " Only PNG images are supported: png or image/png.");
        }
        MetricWidget w = MetricWidget.parse(r.metricWidget(), clock.instant());
        List<WidgetRenderer.Drawn> series = query(ctx, w);
        byte[] png = WidgetRenderer.render(w, series);
        return GetMetricWidgetImageResponse.builder().metricWidgetImage(SdkBytes.fromByteArrayUnsafe(png)).build();
    }

    /** The widget's visible lines as series, oldest point first. */
    List<WidgetRenderer.Drawn> query(RequestContext ctx, MetricWidget w) {
        List<MetricDataQuery> queries = new ArrayList<>();
        Map<String, MetricWidget.Line> byId = new HashMap<>();
        for (MetricWidget.Line l : w.lines()) {
            byId.put(l.id(), l);
            MetricDataQuery.Builder q = MetricDataQuery.builder().id(l.id()).label(l.label()).returnData(l.visible());
            if (l.isExpression()) {
                q.expression(l.expression());
                // The widget's period is the graph's: SEARCH, Metrics Insights and TIME_SERIES need it.
                q.period(l.period() != null ? l.period() : w.period());
            } else {
                List<Dimension> dims = l.dimensions().stream()
                        .map(d -> Dimension.builder().name(d[0]).value(d[1]).build()).toList();
                q.metricStat(MetricStat.builder().metric(Metric.builder().namespace(l.namespace())
                                .metricName(l.name()).dimensions(dims).build())
                        .stat(l.stat() == null ? w.stat() : l.stat())
                        .period(l.period() == null ? w.period() : l.period()).build());
            }
            queries.add(q.build());
        }
        List<WidgetRenderer.Drawn> out = new ArrayList<>();
        String token = null;
        Map<String, Integer> index = new HashMap<>();
        do {
            GetMetricDataResponse res = metricData.getMetricData(ctx, GetMetricDataRequest.builder()
                    .metricDataQueries(queries).startTime(w.start()).endTime(w.end())
                    .scanBy("TimestampAscending").nextToken(token).build());
            for (MetricDataResult d : res.metricDataResults()) {
                String key = d.id() + "\u0000" + d.label();
                Integer at = index.get(key);
                if (at == null) {
                    MetricWidget.Line l = byId.get(d.id());
                    index.put(key, out.size());
                    out.add(new WidgetRenderer.Drawn(d.label() == null ? d.id() : d.label(), l.color(), l.rightAxis(),
                            new ArrayList<>(d.timestamps()), new ArrayList<>(d.values())));
                } else {
                    out.get(at).timestamps().addAll(d.timestamps());
                    out.get(at).values().addAll(d.values());
                }
            }
            token = res.nextToken();
        } while (token != null);
        return out;
    }
}
