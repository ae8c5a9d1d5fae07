package dev.vigil.events.schemas;

import dev.vigil.core.Arn;

/** The Schema Registry's ARNs: {@code registry/<name>}, {@code schema/<registry>/<name>}, {@code discoverer/<id>}. Stateless. */
final class SchemasArns {
    static final String SERVICE = "schemas";
    /** AWS-managed registries belong to no customer account. */
    static final String AWS_ACCOUNT = "aws";

    private SchemasArns() {}

    static String registry(String region, String account, String name) {
        return Arn.of(SERVICE, region, owner(account, name), "registry/" + name).toString();
    }

    static String schema(String region, String account, String registry, String name) {
        return Arn.of(SERVICE, region, owner(account, registry), "schema/" + registry + "/" + name).toString();
    }

    /** The prefix every schema ARN of a registry starts with. */
    static String schemasOf(String region, String account, String registry) {
        return schema(region, account, registry, "");
    }

    static String discoverer(String region, String account, String id) {
        return Arn.of(SERVICE, region, account, "discoverer/" + id).toString();
    }

    private static String owner(String account, String registry) {
        return AwsEventSchemas.REGISTRY.equals(registry) ? AWS_ACCOUNT : account;
    }
}
