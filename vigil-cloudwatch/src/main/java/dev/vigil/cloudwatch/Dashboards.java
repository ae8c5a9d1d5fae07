package dev.vigil.cloudwatch;

import static dev.vigil.cloudwatch.CloudWatchErrors.invalidValue;
import static dev.vigil.cloudwatch.CloudWatchErrors.required;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.Arn;
import dev.vigil.core.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.model.DashboardEntry;
import software.amazon.awssdk.services.cloudwatch.model.DashboardValidationMessage;
import software.amazon.awssdk.services.cloudwatch.model.DeleteDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteDashboardsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardResponse;

/**
 * PutDashboard, GetDashboard, ListDashboards, DeleteDashboards. Dashboards are global per account: the region a
 * call was signed for plays no part, and the ARN has none ({@code arn:aws:cloudwatch::<account>:dashboard/<name>}).
 * The body is stored as given. Thread-safe (stateless).
 */
final class Dashboards {
    static final int MAX_NAME = 255;
    static final int MAX_DELETE = 100;
    static final int PAGE_SIZE = 1000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final DashboardRepository dashboards;
    private final ResourceTags tags;
    private final Clock clock;

    Dashboards(DashboardRepository dashboards, ResourceTags tags, Clock clock) {
        this.dashboards = dashboards;
        this.tags = tags;
        this.clock = clock;
    }

    static String arn(String accountId, String name) {
        return Arn.of("cloudwatch", "", accountId, "dashboard/" + name).toString();
    }

    PutDashboardResponse putDashboard(RequestContext ctx, PutDashboardRequest r) {
        String name = r.dashboardName();
        if (name == null || name.isEmpty()) throw required("DashboardName");
        if (!NAME.matcher(name).matches()) {
            throw invalidValue("The value for field DashboardName contains invalid characters. It can only contain"
                    + " alphanumerics, dash (-) and underscore (_).\n");
        }
        if (name.length() > MAX_NAME) {
            throw invalidValue("The value for field DashboardName must not be longer than " + MAX_NAME + " characters.");
        }
        if (r.dashboardBody() == null) throw required("DashboardBody");
        JsonNode body = parse(r.dashboardBody());
        List<DashboardValidationMessage> problems = DashboardBodyValidator.validate(body);
        if (!problems.isEmpty()) throw invalidBody(problems);
        java.util.SortedMap<String, String> newTags = r.hasTags() ? ResourceTags.validate(r.tags(), "Tags") : null;
        long size = r.dashboardBody().getBytes(StandardCharsets.UTF_8).length;
        dashboards.put(new Dashboard(ctx.accountId(), name, r.dashboardBody(), size, clock.instant()));
        // Tags given here are added to the dashboard's tags (replacing a dashboard keeps the ones it had).
        if (newTags != null && !newTags.isEmpty()) tags.apply(ctx, name, newTags, arn(ctx.accountId(), name));
        return PutDashboardResponse.builder().dashboardValidationMessages(List.of()).build();
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.isObject()) return n;
        } catch (JsonProcessingException e) {
            // answered below
        }
        throw CloudWatchErrors.dashboardInvalid("The field DashboardBody must be a valid JSON object");
    }

    /**
     * AWS lists the problems in the message, as JSON indented by two spaces (the structured
     * DashboardValidationMessages member of the error needs error members in the codecs; see the report).
     */
    private static RuntimeException invalidBody(List<DashboardValidationMessage> problems) {
        StringBuilder b = new StringBuilder("The dashboard body is invalid, there are ").append(problems.size())
                .append(" validation errors:\n[");
        for (int i = 0; i < problems.size(); i++) {
            DashboardValidationMessage m = problems.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("  {\n    \"dataPath\": ").append(quote(m.dataPath()))
                    .append(",\n    \"message\": ").append(quote(m.message())).append("\n  }");
        }
        return CloudWatchErrors.dashboardInvalid(b.append("\n]").toString());
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    GetDashboardResponse getDashboard(RequestContext ctx, GetDashboardRequest r) {
        if (r.dashboardName() == null || r.dashboardName().isEmpty()) throw required("DashboardName");
        Dashboard d = dashboards.get(ctx.accountId(), r.dashboardName()).orElseThrow(
                () -> CloudWatchErrors.dashboardNotFound("Dashboard " + r.dashboardName() + " does not exist"));
        return GetDashboardResponse.builder().dashboardName(d.name()).dashboardBody(d.body())
                .dashboardArn(arn(ctx.accountId(), d.name())).build();
    }

    ListDashboardsResponse listDashboards(RequestContext ctx, ListDashboardsRequest r) {
        String after = r.nextToken() == null ? null : Tokens.decode(r.nextToken(), 1).get(0);
        List<Dashboard> page = dashboards.list(ctx.accountId(), r.dashboardNamePrefix(), after, PAGE_SIZE + 1);
        boolean more = page.size() > PAGE_SIZE;
        List<Dashboard> shown = more ? page.subList(0, PAGE_SIZE) : page;
        List<DashboardEntry> entries = shown.stream().map(d -> DashboardEntry.builder().dashboardName(d.name())
                .dashboardArn(arn(ctx.accountId(), d.name())).lastModified(d.lastModified()).size(d.size()).build())
                .toList();
        return ListDashboardsResponse.builder().dashboardEntries(entries)
                .nextToken(more ? Tokens.encode(shown.get(shown.size() - 1).name()) : null).build();
    }

    DeleteDashboardsResponse deleteDashboards(RequestContext ctx, DeleteDashboardsRequest r) {
        List<String> names = r.hasDashboardNames() ? r.dashboardNames() : List.of();
        if (names.isEmpty()) throw required("DashboardNames");
        if (names.size() > MAX_DELETE) {
            throw invalidValue("The collection DashboardNames must not have a size greater than " + MAX_DELETE + ".");
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null || names.get(i).isEmpty()) throw required("DashboardNames.member." + (i + 1));
        }
        List<String> missing = dashboards.deleteAll(ctx.accountId(), names);
        if (!missing.isEmpty()) {
            throw CloudWatchErrors.dashboardNotFound("The specified dashboard does not exist. [" + String.join(", ", missing) + "]");
        }
        return DeleteDashboardsResponse.builder().build();
    }
}
