package dev.vigil.iam.sts;

import dev.vigil.core.service.Constraint;
import dev.vigil.core.service.ServiceDescriptor;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageRequest;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoRequest;
import software.amazon.awssdk.services.sts.model.GetFederationTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * The input constraints of STS's model (botocore data/sts/2011-06-15) for the operations Vigil serves, which the
 * SDK classes do not carry; the Validator words violations as AWS does ({@code ValidationError}). Two limits the
 * model leaves to the service are declared here too, as length constraints: at most 10 PolicyArns, and an inline
 * session policy of at most 2,048 characters for AssumeRole (the model's other operations say so themselves).
 * Stateless.
 */
final class StsConstraints {
    private static final Constraint[] ARN = {Constraint.length(20, 2048), Constraint.pattern(
            "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]+")};
    private static final Constraint[] SESSION_POLICY = {Constraint.length(1, 2048),
            Constraint.pattern("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+")};
    private static final Constraint[] POLICY_ARNS = {Constraint.length(null, 10)};
    private static final Constraint[] TAGS = {Constraint.length(null, 50)};
    private static final Constraint[] SERIAL_NUMBER = {Constraint.length(9, 256), Constraint.pattern("[\\w+=/:,.@-]*")};
    private static final Constraint[] TOKEN_CODE = {Constraint.length(6, 6), Constraint.pattern("[\\d]*")};
    private static final Constraint[] LONG_DURATION = {Constraint.range(900, 129600)};

    private StsConstraints() {}

    static void declare(ServiceDescriptor.Builder b) {
        b.constrain(Tag.class, "Key", Constraint.required(), Constraint.length(1, 128),
                        Constraint.pattern("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+"))
                .constrain(Tag.class, "Value", Constraint.required(), Constraint.length(0, 256),
                        Constraint.pattern("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*"))
                .constrain(PolicyDescriptorType.class, "arn", ARN);
        b.constrain(AssumeRoleRequest.class, "RoleArn", with(Constraint.required(), ARN))
                .constrain(AssumeRoleRequest.class, "RoleSessionName", Constraint.required(), Constraint.length(2, 64),
                        Constraint.pattern("[\\w+=,.@-]*"))
                .constrain(AssumeRoleRequest.class, "PolicyArns", POLICY_ARNS)
                .constrain(AssumeRoleRequest.class, "Policy", SESSION_POLICY)
                .constrain(AssumeRoleRequest.class, "DurationSeconds", Constraint.range(900, 43200))
                .constrain(AssumeRoleRequest.class, "Tags", TAGS)
                .constrain(AssumeRoleRequest.class, "TransitiveTagKeys", Constraint.length(null, 50))
                .constrain(AssumeRoleRequest.class, "ExternalId", Constraint.length(2, 1224),
                        Constraint.pattern("[\\w+=,.@:\\/-]*"))
                .constrain(AssumeRoleRequest.class, "SerialNumber", SERIAL_NUMBER)
                .constrain(AssumeRoleRequest.class, "TokenCode", TOKEN_CODE)
                .constrain(AssumeRoleRequest.class, "SourceIdentity", Constraint.length(2, 64),
                        Constraint.pattern("[\\w+=,.@-]*"));
        b.constrain(GetSessionTokenRequest.class, "DurationSeconds", LONG_DURATION)
                .constrain(GetSessionTokenRequest.class, "SerialNumber", SERIAL_NUMBER)
                .constrain(GetSessionTokenRequest.class, "TokenCode", TOKEN_CODE);
        b.constrain(GetFederationTokenRequest.class, "Name", Constraint.required(), Constraint.length(2, 32),
                        Constraint.pattern("[\\w+=,.@-]*"))
                .constrain(GetFederationTokenRequest.class, "Policy", SESSION_POLICY)
                .constrain(GetFederationTokenRequest.class, "PolicyArns", POLICY_ARNS)
                .constrain(GetFederationTokenRequest.class, "DurationSeconds", LONG_DURATION)
                .constrain(GetFederationTokenRequest.class, "Tags", TAGS);
        b.constrain(GetAccessKeyInfoRequest.class, "AccessKeyId", Constraint.required(), Constraint.length(16, 128),
                Constraint.pattern("[\\w]*"));
        b.constrain(DecodeAuthorizationMessageRequest.class, "EncodedMessage", Constraint.required(),
                Constraint.length(1, 10240));
    }

    private static Constraint[] with(Constraint first, Constraint[] rest) {
        Constraint[] out = new Constraint[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
