package dev.vigil.logs;

import dev.vigil.core.Arn;

/** Log group and stream ARNs, built and read through {@link Arn}. Stateless. */
final class LogArns {
    private LogArns() {}

    /** A log group named by an ARN; the name stripped of DescribeLogGroups' ":*" suffix. */
    record GroupRef(String accountId, String region, String name) {}

    /** logGroupArn: arn:aws:logs:region:account:log-group:name */
    static String group(String region, String accountId, String name) {
        return Arn.of("logs", region, accountId, "log-group:" + name).toString();
    }

    /** DescribeLogGroups' arn: the group ARN with ":*" (it covers the group's streams in policies). */
    static String groupWildcard(String region, String accountId, String name) {
        return group(region, accountId, name) + ":*";
    }

    static String stream(String region, String accountId, String group, String stream) {
        return Arn.of("logs", region, accountId, "log-group:" + group + ":log-stream:" + stream).toString();
    }

    /** The log group an ARN names (with or without ":*"), or null when it names no log group. */
    static GroupRef parseGroup(String text) {
        if (text == null || !Arn.isArn(text)) return null;
        Arn arn = Arn.parse(text);
        if (!"logs".equals(arn.service()) || !arn.resource().startsWith("log-group:")) return null;
        String name = arn.resource().substring("log-group:".length());
        if (name.endsWith(":*")) name = name.substring(0, name.length() - 2);
        int stream = name.indexOf(":log-stream:");
        if (stream >= 0) name = name.substring(0, stream);
        if (name.isEmpty() || name.contains(":")) return null;
        return new GroupRef(arn.accountId(), arn.region(), name);
    }
}
