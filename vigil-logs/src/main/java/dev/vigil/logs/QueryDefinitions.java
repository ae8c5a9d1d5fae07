package dev.vigil.logs;

import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteQueryDefinitionRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteQueryDefinitionResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueryDefinitionsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueryDefinitionsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutQueryDefinitionRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutQueryDefinitionResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryDefinition;

/** Saved Insights queries: PutQueryDefinition (create or update by id), Describe..., Delete.... Thread-safe. */
final class QueryDefinitions {
    private final ConfigStore config;
    private final Clock clock;

    QueryDefinitions(ConfigStore config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    PutQueryDefinitionResponse putQueryDefinition(RequestContext ctx, PutQueryDefinitionRequest r) {
        String id = r.queryDefinitionId();
        if (id != null && config.queryDefinitions(ctx.accountId(), ctx.region()).stream().noneMatch(d -> d.id().equals(id))) {
            throw LogsErrors.notFound("The specified query definition does not exist.");
        }
        String definitionId = id != null ? id : Ids.uuid();
        config.putQueryDefinition(new QueryDefinitionDef(ctx.accountId(), ctx.region(), definitionId, r.name(),
                r.queryString(), r.hasLogGroupNames() ? r.logGroupNames() : List.of(), clock.millis()));
        return PutQueryDefinitionResponse.builder().queryDefinitionId(definitionId).build();
    }

    DescribeQueryDefinitionsResponse describeQueryDefinitions(RequestContext ctx, DescribeQueryDefinitionsRequest r) {
        String prefix = r.queryDefinitionNamePrefix();
        List<QueryDefinitionDef> all = config.queryDefinitions(ctx.accountId(), ctx.region()).stream()
                .filter(d -> prefix == null || d.name().startsWith(prefix)).toList();
        int max = r.maxResults() == null ? 1000 : r.maxResults();
        int start = r.nextToken() == null ? 0 : (int) Tokens.number(Tokens.decode(r.nextToken(), 1)[0]);
        if (start < 0 || start > all.size()) throw LogsErrors.invalidNextToken();
        int end = Math.min(all.size(), start + max);
        DescribeQueryDefinitionsResponse.Builder out = DescribeQueryDefinitionsResponse.builder()
                .queryDefinitions(all.subList(start, end).stream().map(d -> QueryDefinition.builder()
                        .queryLanguage("CWLI").queryDefinitionId(d.id()).name(d.name()).queryString(d.queryString())
                        .lastModified(d.lastModified()).logGroupNames(d.logGroupNames()).build()).toList());
        if (end < all.size()) out.nextToken(Tokens.encode(end));
        return out.build();
    }

    DeleteQueryDefinitionResponse deleteQueryDefinition(RequestContext ctx, DeleteQueryDefinitionRequest r) {
        if (!config.deleteQueryDefinition(ctx.accountId(), ctx.region(), r.queryDefinitionId())) {
            throw LogsErrors.notFound("The specified query definition does not exist.");
        }
        return DeleteQueryDefinitionResponse.builder().success(true).build();
    }
}
