package dev.vigil.iam.iam;

/** A tag on a user, role or policy. Immutable. */
public record IamTag(String key, String value) {}
