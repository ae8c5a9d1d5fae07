package dev.vigil.logs;

import dev.vigil.core.RequestContext;
import dev.vigil.logs.filter.FilterMatch;
import dev.vigil.logs.filter.FilterPattern;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteMetricFilterResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilterMatchRecord;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutMetricFilterResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TestMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TestMetricFilterResponse;

/**
 * PutMetricFilter (at most 100 a group), DescribeMetricFilters, DeleteMetricFilter and TestMetricFilter, all on
 * the one filter pattern engine that FilterLogEvents uses. Thread-safe (stateless apart from the shared caches).
 */
final class MetricFilters {
    static final int MAX_PER_GROUP = 100;
    static final int MAX_DIMENSIONS = 3;

    private final ConfigStore config;
    private final GroupResolver resolver;
    private final Patterns patterns;
    private final MetricFilterEmitter emitter;
    private final Clock clock;

    MetricFilters(ConfigStore config, GroupResolver resolver, Patterns patterns, MetricFilterEmitter emitter, Clock clock) {
        this.config = config;
        this.resolver = resolver;
        this.patterns = patterns;
        this.emitter = emitter;
        this.clock = clock;
    }

    PutMetricFilterResponse putMetricFilter(RequestContext ctx, PutMetricFilterRequest r) {
        LogGroup g = resolver.byName(ctx, r.logGroupName());
        LogClasses.requireStandard(g, "PutMetricFilter");
        patterns.compile(r.filterPattern());
        List<MetricFilterDef.Transformation> ts = new ArrayList<>();
        for (MetricTransformation t : r.metricTransformations()) ts.add(transformation(t));
        MetricFilterDef f = new MetricFilterDef(g.id(), g.name(), r.filterName(), r.filterPattern(), ts, clock.millis(),
                Boolean.TRUE.equals(r.applyOnTransformedLogs()));
        if (!config.putMetricFilter(f, MAX_PER_GROUP)) throw LogsErrors.limit("Resource limit exceeded.");
        emitter.invalidate(g.id());
        return PutMetricFilterResponse.builder().build();
    }

    private static MetricFilterDef.Transformation transformation(MetricTransformation t) {
        String value = t.metricValue();
        if (value.startsWith("$")) {
            if (value.length() < 2) throw LogsErrors.invalid("Invalid metric value: " + value);
        } else {
            try {
                if (!Double.isFinite(Double.parseDouble(value))) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw LogsErrors.invalid("Invalid metric value: " + value + ". The metric value must be a number or"
                        + " a field selector such as $.field or $field.");
            }
        }
        Map<String, String> dims = t.hasDimensions() ? new LinkedHashMap<>(t.dimensions()) : Map.of();
        if (dims.size() > MAX_DIMENSIONS) {
            throw LogsErrors.invalid("A metric transformation can have at most " + MAX_DIMENSIONS + " dimensions.");
        }
        if (!dims.isEmpty() && t.defaultValue() != null) {
            throw LogsErrors.invalid("A metric transformation with dimensions cannot have a default value.");
        }
        for (Map.Entry<String, String> d : dims.entrySet()) {
            if (d.getValue() == null || !d.getValue().startsWith("$")) {
                throw LogsErrors.invalid("Invalid dimension value for " + d.getKey() + ": dimension values must be"
                        + " field selectors such as $.field or $field.");
            }
        }
        return new MetricFilterDef.Transformation(t.metricName(), t.metricNamespace(), value, t.defaultValue(), dims,
                t.unitAsString());
    }

    DescribeMetricFiltersResponse describeMetricFilters(RequestContext ctx, DescribeMetricFiltersRequest r) {
        if (r.filterNamePrefix() != null && r.logGroupName() == null) {
            throw LogsErrors.invalid("filterNamePrefix can only be used together with logGroupName.");
        }
        if ((r.metricName() == null) != (r.metricNamespace() == null)) {
            throw LogsErrors.invalid("metricName and metricNamespace must be specified together.");
        }
        List<MetricFilterDef> all = r.logGroupName() != null
                ? config.metricFilters(resolver.byName(ctx, r.logGroupName()).id())
                : config.metricFilters(ctx.accountId(), ctx.region());
        List<MetricFilterDef> selected = all.stream()
                .filter(f -> r.filterNamePrefix() == null || f.name().startsWith(r.filterNamePrefix()))
                .filter(f -> r.metricName() == null || f.transformations().stream().anyMatch(t ->
                        t.metricName().equals(r.metricName()) && t.namespace().equals(r.metricNamespace())))
                .toList();
        int limit = r.limit() == null ? 50 : r.limit();
        int start = 0;
        if (r.nextToken() != null) {
            String[] t = Tokens.decode(r.nextToken(), 2);
            start = selected.size();
            for (int i = 0; i < selected.size(); i++) {
                MetricFilterDef f = selected.get(i);
                int c = f.groupName().compareTo(t[0]);
                if (c > 0 || (c == 0 && f.name().compareTo(t[1]) > 0)) {
                    start = i;
                    break;
                }
            }
        }
        int end = Math.min(selected.size(), start + limit);
        List<MetricFilterDef> page = selected.subList(start, end);
        DescribeMetricFiltersResponse.Builder out = DescribeMetricFiltersResponse.builder()
                .metricFilters(page.stream().map(MetricFilters::describe).toList());
        if (end < selected.size()) {
            MetricFilterDef last = page.get(page.size() - 1);
            out.nextToken(Tokens.encode(last.groupName(), last.name()));
        }
        return out.build();
    }

    private static MetricFilter describe(MetricFilterDef f) {
        return MetricFilter.builder().filterName(f.name()).filterPattern(f.pattern()).creationTime(f.creationTime())
                .logGroupName(f.groupName()).applyOnTransformedLogs(f.applyOnTransformed())
                .metricTransformations(f.transformations().stream().map(t -> MetricTransformation.builder()
                        .metricName(t.metricName()).metricNamespace(t.namespace()).metricValue(t.metricValue())
                        .defaultValue(t.defaultValue()).dimensions(t.dimensions().isEmpty() ? null : t.dimensions())
                        .unit(t.unit()).build()).toList())
                .build();
    }

    DeleteMetricFilterResponse deleteMetricFilter(RequestContext ctx, DeleteMetricFilterRequest r) {
        LogGroup g = resolver.byName(ctx, r.logGroupName());
        if (!config.deleteMetricFilter(g.id(), r.filterName())) {
            throw LogsErrors.notFound("The specified metric filter does not exist.");
        }
        emitter.invalidate(g.id());
        return DeleteMetricFilterResponse.builder().build();
    }

    TestMetricFilterResponse testMetricFilter(RequestContext ctx, TestMetricFilterRequest r) {
        FilterPattern pattern = patterns.compile(r.filterPattern());
        List<MetricFilterMatchRecord> matches = new ArrayList<>();
        List<String> messages = r.logEventMessages();
        for (int i = 0; i < messages.size(); i++) {
            FilterMatch m = pattern.match(messages.get(i));
            if (m == null) continue;
            matches.add(MetricFilterMatchRecord.builder().eventNumber((long) i + 1).eventMessage(messages.get(i))
                    .extractedValues(m.extractedValues()).build());
        }
        return TestMetricFilterResponse.builder().matches(matches).build();
    }
}
