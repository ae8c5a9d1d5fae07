package dev.vigil.logs;

import java.util.List;

/** A saved Insights query. Immutable. */
public record QueryDefinitionDef(String accountId, String region, String id, String name, String queryString,
                                 List<String> logGroupNames, long lastModified) {}
