package dev.vigil.events;

import dev.vigil.core.Arn;
import dev.vigil.core.RequestContext;

/**
 * Resolves the {@code EventBusName} members (a name or a bus ARN, absent meaning {@code default}) and checks that
 * the bus exists. Thread-safe (stateless apart from the repository).
 */
final class BusNames {
    private final EventsRepository repo;

    BusNames(EventsRepository repo) { this.repo = repo; }

    /** The bus name an EventBusName member means; an ARN of another account or region names no bus here. */
    static String name(RequestContext ctx, String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) return Bus.DEFAULT;
        if (!nameOrArn.startsWith("arn:")) return nameOrArn;
        Arn arn;
        try {
            arn = Arn.parse(nameOrArn);
        } catch (IllegalArgumentException e) {
            throw EventsErrors.validation("Parameter EventBusName is not valid.");
        }
        if (!"events".equals(arn.service()) || !arn.resource().startsWith("event-bus/")) {
            throw EventsErrors.validation("Parameter EventBusName is not valid.");
        }
        String name = arn.resource().substring("event-bus/".length());
        if (!arn.accountId().equals(ctx.accountId()) || !arn.region().equals(ctx.region())) {
            throw EventsErrors.busNotFound(name);
        }
        return name;
    }

    /** A bus of some account in the caller's region. */
    record Target(String account, String region, String name) {}

    /**
     * The bus a PutEvents entry names: the caller's, or by ARN another account's bus in the same region (the
     * gateway has already authorized the call against that bus's resource policy). ResourceNotFoundException when
     * it does not exist.
     */
    Target existingForPut(RequestContext ctx, String nameOrArn) {
        if (nameOrArn == null || !nameOrArn.startsWith("arn:")) {
            return new Target(ctx.accountId(), ctx.region(), existing(ctx, nameOrArn));
        }
        Arn arn;
        try {
            arn = Arn.parse(nameOrArn);
        } catch (IllegalArgumentException e) {
            throw EventsErrors.validation("Parameter EventBusName is not valid.");
        }
        if (!"events".equals(arn.service()) || !arn.resource().startsWith("event-bus/")) {
            throw EventsErrors.validation("Parameter EventBusName is not valid.");
        }
        String name = arn.resource().substring("event-bus/".length());
        if (!arn.region().equals(ctx.region()) || !exists(arn.accountId(), arn.region(), name)) {
            throw EventsErrors.busNotFound(name);
        }
        return new Target(arn.accountId(), arn.region(), name);
    }

    boolean exists(String account, String region, String name) {
        return Bus.DEFAULT.equals(name) || repo.bus(account, region, name).isPresent();
    }

    /** The bus's name, after checking it exists (ResourceNotFoundException otherwise). */
    String existing(RequestContext ctx, String nameOrArn) {
        String name = name(ctx, nameOrArn);
        if (!exists(ctx.accountId(), ctx.region(), name)) throw EventsErrors.busNotFound(name);
        return name;
    }
}
