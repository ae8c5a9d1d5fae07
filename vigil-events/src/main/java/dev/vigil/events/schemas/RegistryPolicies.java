package dev.vigil.events.schemas;

import dev.vigil.core.Arn;
import dev.vigil.core.spi.ResourcePolicySource;
import java.util.Optional;

/**
 * The resource policies PutResourcePolicy stores, for the policy engine: a registry's policy covers the registry
 * and its schemas; the account's policy (no RegistryName) covers the rest of the account's Schema Registry
 * resources. Thread-safe (stateless over the store).
 */
final class RegistryPolicies implements ResourcePolicySource {
    private final SchemasRepository repo;

    RegistryPolicies(SchemasRepository repo) {
        this.repo = repo;
    }

    @Override
    public Optional<String> policyFor(String resourceArn) {
        Arn a;
        try {
            a = Arn.parse(resourceArn);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!a.service().equals(SchemasArns.SERVICE) || a.accountId().equals(SchemasArns.AWS_ACCOUNT)) {
            return Optional.empty();
        }
        String[] parts = a.resource().split("/", 3);
        String registry = (parts[0].equals("registry") || parts[0].equals("schema")) && parts.length >= 2 ? parts[1] : null;
        if (registry != null) {
            Optional<SchemaRecords.Policy> own = repo.policy(a.accountId(), a.region(), registry);
            if (own.isPresent()) return own.map(SchemaRecords.Policy::policy);
        }
        return repo.policy(a.accountId(), a.region(), "").map(SchemaRecords.Policy::policy);
    }
}
