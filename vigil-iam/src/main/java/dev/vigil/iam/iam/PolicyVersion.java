package dev.vigil.iam.iam;

import java.time.Instant;

/** One version of a managed policy. Immutable. @param document the JSON text as given */
public record PolicyVersion(String versionId, String document, Instant createDate) {
    /** The number in "v7", for ordering versions as AWS lists them (newest first). */
    public int number() { return Integer.parseInt(versionId.substring(1)); }
}
