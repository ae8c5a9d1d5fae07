package dev.vigil.cloudtrail;

import dev.vigil.core.Arn;
import java.util.Map;

/**
 * The CloudFormation-style resource type CloudTrail reports for an ARN ({@code AWS::IAM::Role}), for the
 * services Vigil serves. Unknown kinds yield null: AWS omits the type rather than guess. Stateless.
 */
final class ResourceTypes {
    /** Keyed by "service:resourceType" as {@link Arn#resourceType()} reads it; SNS and SQS ARNs have no type part. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("iam:user", "AWS::IAM::User"),
            Map.entry("iam:role", "AWS::IAM::Role"),
            Map.entry("iam:group", "AWS::IAM::Group"),
            Map.entry("iam:policy", "AWS::IAM::Policy"),
            Map.entry("iam:instance-profile", "AWS::IAM::InstanceProfile"),
            Map.entry("iam:oidc-provider", "AWS::IAM::OIDCProvider"),
            Map.entry("iam:saml-provider", "AWS::IAM::SAMLProvider"),
            Map.entry("sts:assumed-role", "AWS::STS::AssumedRole"),
            Map.entry("sts:federated-user", "AWS::STS::FederatedUser"),
            Map.entry("cloudwatch:alarm", "AWS::CloudWatch::Alarm"),
            Map.entry("cloudwatch:dashboard", "AWS::CloudWatch::Dashboard"),
            Map.entry("logs:log-group", "AWS::Logs::LogGroup"),
            Map.entry("events:rule", "AWS::Events::Rule"),
            Map.entry("events:event-bus", "AWS::Events::EventBus"),
            Map.entry("events:archive", "AWS::Events::Archive"),
            Map.entry("events:connection", "AWS::Events::Connection"),
            Map.entry("events:api-destination", "AWS::Events::ApiDestination"),
            Map.entry("scheduler:schedule", "AWS::Scheduler::Schedule"),
            Map.entry("cloudtrail:trail", "AWS::CloudTrail::Trail"),
            Map.entry("cloudtrail:eventdatastore", "AWS::CloudTrail::EventDataStore"),
            Map.entry("config:config-rule", "AWS::Config::ConfigRule"),
            Map.entry("organizations:account", "AWS::Organizations::Account"),
            Map.entry("organizations:policy", "AWS::Organizations::Policy"),
            Map.entry("organizations:ou", "AWS::Organizations::OrganizationalUnit"),
            Map.entry("kms:key", "AWS::KMS::Key"));

    private ResourceTypes() {}

    /** The type of the resource an ARN names, or null when Vigil does not know the kind. */
    static String of(Arn arn) {
        switch (arn.service()) {
            case "sns": return arn.resource().contains(":") ? "AWS::SNS::Subscription" : "AWS::SNS::Topic";
            case "sqs": return "AWS::SQS::Queue";
            case "s3": return arn.resource().contains("/") ? "AWS::S3::Object" : "AWS::S3::Bucket";
            default: return TYPES.get(arn.service() + ":" + arn.resourceType());
        }
    }
}
