package dev.vigil.cloudwatch.alarms;

import java.util.regex.Pattern;

/**
 * The action ARNs PutMetricAlarm / PutCompositeAlarm accept (AWS's PutMetricAlarm reference): SNS topics,
 * {@code arn:aws:automate:<region>:ec2:stop|terminate|reboot|recover}, the SWF forms of the EC2 actions, Auto Scaling
 * policies, Systems Manager OpsItems and Incident Manager response plans, Lambda functions. Composite alarms
 * accept only SNS, Systems Manager and Lambda actions. Stateless.
 */
final class ActionArns {
    private static final String REGION = "[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d";
    private static final String ACCOUNT = "\\d{12}";
    private static final Pattern SNS = Pattern.compile("arn:aws:sns:(" + REGION + "):" + ACCOUNT + ":[A-Za-z0-9_-]{1,256}(\\.fifo)?");
    private static final Pattern AUTOMATE = Pattern.compile("arn:aws:automate:(" + REGION + "):ec2:(stop|terminate|reboot|recover)");
    private static final Pattern SWF = Pattern.compile("arn:aws:swf:(" + REGION + "):" + ACCOUNT
            + ":action/actions/AWS_EC2\\.InstanceId\\.(Stop|Terminate|Reboot)/1\\.0");
    private static final Pattern AUTOSCALING = Pattern.compile("arn:aws:autoscaling:(" + REGION + "):" + ACCOUNT
            + ":scalingPolicy:[0-9a-f-]{36}:autoScalingGroupName/[^:]+:policyName/.+");
    private static final Pattern OPSITEM = Pattern.compile("arn:aws:ssm:(" + REGION + "):" + ACCOUNT
            + ":opsitem:[1-4](#CATEGORY=(Availability|Cost|Performance|Recovery|Security))?");
    private static final Pattern INCIDENT = Pattern.compile("arn:aws:ssm-incidents::" + ACCOUNT + ":responseplan/[A-Za-z0-9_-]{1,200}");
    private static final Pattern LAMBDA = Pattern.compile("arn:aws:lambda:(" + REGION + "):" + ACCOUNT
            + ":function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?");

    private ActionArns() {}

    /** sns, ec2, autoscaling, ssm, lambda — or null when the ARN is not a valid alarm action. */
    static String kind(String arn) {
        if (arn == null) return null;
        if (SNS.matcher(arn).matches()) return "sns";
        if (AUTOMATE.matcher(arn).matches() || SWF.matcher(arn).matches()) return "ec2";
        if (AUTOSCALING.matcher(arn).matches()) return "autoscaling";
        if (OPSITEM.matcher(arn).matches() || INCIDENT.matcher(arn).matches()) return "ssm";
        if (LAMBDA.matcher(arn).matches()) return "lambda";
        return null;
    }

    /** The region an action runs in (EC2 automate actions must name the alarm's region), or null for global ones. */
    static String region(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : null;
    }
}
