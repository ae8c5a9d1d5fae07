package dev.vigil.logs.insights;

/** One cell of a result row, as GetQueryResults returns it. */
public record ResultField(String field, String value) { }
