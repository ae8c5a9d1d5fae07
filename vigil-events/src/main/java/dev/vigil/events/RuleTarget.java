package dev.vigil.events;

import java.util.Map;

/**
 * A rule's target as stored: where to deliver, how to shape the input, how hard to retry.
 * {@code maxRetries}/{@code maxAgeSeconds} are null when the caller gave no RetryPolicy (AWS's defaults apply:
 * 185 attempts, 24 hours). {@code httpParameters} is the target's HttpParameters as stored JSON (API destination
 * targets), or null. Immutable.
 */
public record RuleTarget(String id, String arn, String roleArn, String input, String inputPath,
                         Map<String, String> inputPathsMap, String inputTemplate, Integer maxRetries,
                         Integer maxAgeSeconds, String deadLetterArn, String httpParameters) {

    public RuleTarget(String id, String arn, String roleArn, String input, String inputPath,
                      Map<String, String> inputPathsMap, String inputTemplate, Integer maxRetries,
                      Integer maxAgeSeconds, String deadLetterArn) {
        this(id, arn, roleArn, input, inputPath, inputPathsMap, inputTemplate, maxRetries, maxAgeSeconds,
                deadLetterArn, null);
    }

    public static final int DEFAULT_MAX_RETRIES = 185;
    public static final int DEFAULT_MAX_AGE_SECONDS = 86_400;

    public int effectiveMaxRetries() { return maxRetries == null ? DEFAULT_MAX_RETRIES : maxRetries; }

    public int effectiveMaxAgeSeconds() { return maxAgeSeconds == null ? DEFAULT_MAX_AGE_SECONDS : maxAgeSeconds; }

    public boolean hasTransformer() { return inputTemplate != null; }
}
