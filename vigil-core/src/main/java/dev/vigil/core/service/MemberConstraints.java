package dev.vigil.core.service;

import java.util.List;

/**
 * Constraints on a member, by its wire name, optionally only inside one shape (SDK class).
 * Immutable.
 */
public record MemberConstraints(Class<?> shape, String member, List<Constraint> constraints) {}
