package dev.vigil.core;

/**
 * An Amazon Resource Name: the only place ARNs are built or taken apart. Immutable.
 * Format: arn:partition:service:region:account-id:resource (resource may contain ':' and '/').
 */
public record Arn(String partition, String service, String region, String accountId, String resource) {

    public static final String PARTITION = "aws";

    public static Arn of(String service, String region, String accountId, String resource) {
        return new Arn(PARTITION, service, region == null ? "" : region, accountId == null ? "" : accountId, resource);
    }

    /** Parses an ARN; throws IllegalArgumentException when the text is not one. */
    public static Arn parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            throw new IllegalArgumentException("Not an ARN: " + text);
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6 || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new IllegalArgumentException("Not an ARN: " + text);
        }
        return new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    public static boolean isArn(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The resource type for "type/name" or "type:name" resources, else the whole resource. */
    public String resourceType() {
        int i = indexOfSeparator();
        return i < 0 ? resource : resource.substring(0, i);
    }

    /** The part after the resource type, or the whole resource when it has no type. */
    public String resourceName() {
        int i = indexOfSeparator();
        return i < 0 ? resource : resource.substring(i + 1);
    }

    private int indexOfSeparator() {
        int slash = resource.indexOf('/');
        int colon = resource.indexOf(':');
        if (slash < 0) return colon;
        if (colon < 0) return slash;
        return Math.min(slash, colon);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }
}
