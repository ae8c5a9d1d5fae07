package dev.vigil.core.spi;

/**
 * Writing one log event into a CloudWatch Logs log group by ARN, as a service principal (EventBridge log-group
 * targets): owned by the logs service. The group's resource policy must let the principal create the stream and put
 * events ({@code logs:CreateLogStream}, {@code logs:PutLogEvents}), as AWS requires.
 */
public interface LogSink {
    /**
     * Appends {@code message} at {@code timestampMillis} to stream {@code streamName} of the group, creating the
     * stream if it does not exist.
     *
     * @throws dev.vigil.core.AwsException when the group does not exist or its policy does not allow the principal
     */
    void write(String servicePrincipal, String sourceArn, String logGroupArn, String streamName, long timestampMillis,
               String message);
}
