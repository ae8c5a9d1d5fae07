package dev.vigil.events.schemas;

import java.time.Instant;

/** The rows of the Schema Registry's store. Immutable. */
final class SchemaRecords {
    private SchemaRecords() {}

    record Registry(String accountId, String region, String name, String description, Instant createdAt) {}

    /** A schema's own row; its content lives in its versions. {@code nextVersion} is never reused. */
    record Schema(String accountId, String region, String registry, String name, String description, int nextVersion,
                  Instant modifiedAt) {}

    record Version(String registry, String schema, int version, String type, String content, Instant createdAt) {}

    record Discoverer(String accountId, String region, String id, String sourceArn, String description,
                      boolean crossAccount, String state, Instant createdAt) {
        Discoverer withState(String s) {
            return new Discoverer(accountId, region, id, sourceArn, description, crossAccount, s, createdAt);
        }
    }

    record CodeBinding(String registry, String schema, int version, String language, String status, byte[] sourceZip,
                       Instant createdAt, Instant modifiedAt) {}

    record Policy(String policy, String revisionId) {}
}
