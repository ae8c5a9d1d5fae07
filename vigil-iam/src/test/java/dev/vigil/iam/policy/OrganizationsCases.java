package dev.vigil.iam.policy;

import static dev.vigil.iam.policy.EngineCase.ACCOUNT;
import static dev.vigil.iam.policy.EngineCase.OTHER;
import static dev.vigil.iam.policy.EngineCase.allow;
import static dev.vigil.iam.policy.EngineCase.allowIf;
import static dev.vigil.iam.policy.EngineCase.deny;
import static dev.vigil.iam.policy.EngineCase.denyIf;
import static dev.vigil.iam.policy.EngineCase.of;
import static dev.vigil.iam.policy.EngineCase.resourceAllow;
import static dev.vigil.iam.policy.EngineCase.roleSession;

import java.util.stream.Stream;

/** Service control policies along the organization path, and the root user. */
final class OrganizationsCases {
    private static final String CAT = "scp+root";
    private static final String STEP2 = "Determining whether a request is allowed or denied within an account: Organizations SCPs";
    private static final String SCP_EVAL = "AWS Organizations, SCP evaluation: there must be an explicit Allow statement at every level from the root through each OU in the direct path to the account";
    private static final String SCP_EFFECTS = "AWS Organizations, Service control policies: effects on permissions";
    private static final String ROOT = "Policies and permissions: Policies and the root user";
    private static final String FULL = allow("*", "*");
    private static final String DEFAULT_DENY = "Determining whether a request is allowed or denied within an account:"
            + " By default, all requests are implicitly denied";

    private OrganizationsCases() {}

    /** Root -> OU -> account, each with FullAWSAccess unless a level is overridden. */
    private static EngineCase.Builder org(String name, String source) {
        return of(CAT, name, source).identity(allow("*", "*"));
    }

    static Stream<EngineCase> cases() {
        return Stream.of(
                org("FullAWSAccess at every level", SCP_EVAL)
                        .scp("r-root", FULL).scp("ou-dev", FULL).scp(ACCOUNT, FULL).allow(),
                org("deny in an OU's SCP", STEP2 + " / Deny evaluation: If the code finds even one explicit deny that applies")
                        .scp("r-root", FULL).scp("ou-dev", FULL, deny("s3:*", "*")).scp(ACCOUNT, FULL)
                        .message("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject"
                                + " on resource: arn:aws:s3:::bucket/key with an explicit deny in a service control policy")
                        .explicitDeny(PolicyType.SCP),
                org("an OU that allows only EC2", SCP_EVAL)
                        .scp("r-root", FULL).scp("ou-dev", allow("ec2:*", "*")).scp(ACCOUNT, FULL)
                        .message("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject"
                                + " on resource: arn:aws:s3:::bucket/key with an explicit deny in a service control policy")
                        .implicitDeny(PolicyType.SCP),
                org("the account level lacks an allow", SCP_EVAL + " (including the target account itself)")
                        .scp("r-root", FULL).scp("ou-dev", FULL).scp(ACCOUNT, allow("sqs:*", "*")).implicitDeny(PolicyType.SCP),
                org("one allowing SCP at a level is enough", SCP_EVAL)
                        .scp("r-root", FULL).scp("ou-dev", allow("sqs:*", "*"), allow("s3:Get*", "*")).scp(ACCOUNT, FULL).allow(),
                of(CAT, "SCPs do not grant permissions", SCP_EFFECTS + ": SCPs alone are not sufficient to granting permissions")
                        .scp("r-root", FULL).scp(ACCOUNT, FULL).implicitDeny(PolicyType.IDENTITY),
                of(CAT, "SCP deny applies to the member account root", ROOT + ": As a member of an account, the root user is affected by any SCPs")
                        .principal(RequestPrincipal.root(ACCOUNT)).scp("r-root", FULL, deny("s3:GetObject", "*"))
                        .message("User: arn:aws:iam::111122223333:root is not authorized to perform: s3:GetObject on"
                                + " resource: arn:aws:s3:::bucket/key with an explicit deny in a service control policy")
                        .explicitDeny(PolicyType.SCP),
                of(CAT, "SCP without an allow limits the member account root", STEP2 + ": The SCP maximum applies to principals in member accounts, including each AWS account root user")
                        .principal(RequestPrincipal.root(ACCOUNT)).scp("r-root", allow("ec2:*", "*")).implicitDeny(PolicyType.SCP),
                of(CAT, "root user without SCPs", DEFAULT_DENY + ": with the exception of the AWS account root user, which has full access")
                        .principal(RequestPrincipal.root(ACCOUNT)).action("iam:DeleteRole").resource("arn:aws:iam::111122223333:role/x")
                        .allow(),
                of(CAT, "root user within SCP allows", ROOT)
                        .principal(RequestPrincipal.root(ACCOUNT)).scp("r-root", FULL).scp(ACCOUNT, FULL).allow(),
                of(CAT, "resource-based deny applies to the root user", ROOT + ": you can specify the root user as the principal in a resource-based policy")
                        .principal(RequestPrincipal.root(ACCOUNT))
                        .resourcePolicy(EngineCase.resourceDeny("{\"AWS\": \"111122223333\"}", "s3:*", "arn:aws:s3:::bucket/*"))
                        .explicitDeny(PolicyType.RESOURCE),
                org("management account principals are not affected", SCP_EFFECTS + ": SCPs don't affect users or roles in the management account")
                        .principal(EngineCase.user(ACCOUNT, "alice").withManagementAccount(true))
                        .scp("r-root", FULL, deny("*", "*")).allow(),
                org("service-linked roles are not affected", SCP_EFFECTS + ": SCPs do not affect any service-linked role")
                        .principal(roleSession(ACCOUNT, "AWSServiceRoleForConfig", "config").withServiceLinkedRole(true))
                        .scp("r-root", allow("ec2:*", "*"), deny("s3:*", "*")).allow(),
                org("region restriction allows the listed region", "AWS Organizations example SCPs: Deny access to AWS based on the requested AWS Region")
                        .ctx("aws:RequestedRegion", "eu-west-1")
                        .scp("r-root", FULL, denyIf("*", "*", "{\"StringNotEquals\": {\"aws:RequestedRegion\": [\"eu-central-1\", \"eu-west-1\"]}}"))
                        .allow(),
                org("region restriction denies other regions", "AWS Organizations example SCPs: Deny access to AWS based on the requested AWS Region")
                        .ctx("aws:RequestedRegion", "ap-south-1")
                        .scp("r-root", FULL, denyIf("*", "*", "{\"StringNotEquals\": {\"aws:RequestedRegion\": [\"eu-central-1\", \"eu-west-1\"]}}"))
                        .explicitDeny(PolicyType.SCP),
                org("SCP deny scoped to one resource", SCP_EFFECTS + ": SCPs ... Resource element")
                        .resource("arn:aws:s3:::other/key")
                        .scp("r-root", FULL, deny("s3:*", "arn:aws:s3:::protected/*")).allow(),
                org("SCP allow with a condition", "AWS Organizations, SCP syntax: Condition element")
                        .ctx("aws:PrincipalTag/team", "platform").principal(EngineCase.user(ACCOUNT, "alice")
                                .withTags(java.util.Map.of("team", "platform")))
                        .scp("r-root", allowIf("*", "*", "{\"StringEquals\": {\"aws:PrincipalTag/team\": \"platform\"}}")).allow(),
                of(CAT, "SCP limits a resource-based grant", "Policies and permissions: SCPs limit permissions that identity-based policies or resource-based policies grant")
                        .scp("r-root", allow("ec2:*", "*"))
                        .resourcePolicy(resourceAllow("{\"AWS\": \"arn:aws:iam::111122223333:user/alice\"}", "s3:GetObject", "*"))
                        .implicitDeny(PolicyType.SCP),
                of(CAT, "SCPs do not apply to service principals", STEP2 + ": SCPs apply to principals of the account where the SCPs are attached")
                        .principal(RequestPrincipal.service("cloudtrail.amazonaws.com")).action("s3:PutObject")
                        .scp("r-root", deny("*", "*"))
                        .resourcePolicy(resourceAllow("{\"Service\": \"cloudtrail.amazonaws.com\"}", "s3:PutObject", "*")).allow(),
                org("the caller's SCP applies to a cross-account request", "Cross-account policy evaluation logic: AWS evaluates the request in the trusting account and the trusted account")
                        .resource("arn:aws:s3:::shared/key").resourceAccount(OTHER).scp("r-root", FULL, deny("s3:GetObject", "*"))
                        .resourcePolicy(resourceAllow("{\"AWS\": \"111122223333\"}", "s3:GetObject", "*"))
                        .explicitDeny(PolicyType.SCP),
                // Depth: the root, five nested OUs (the most AWS allows) and the account are seven levels.
                deep("an allow at every one of seven levels", SCP_EVAL, -1, FULL).allow(),
                deep("the fourth OU lacks an allow", SCP_EVAL, 4, allow("ec2:*", "*")).implicitDeny(PolicyType.SCP),
                deep("the fifth OU, the account's parent, lacks an allow", SCP_EVAL, 5, allow("sqs:*", "*"))
                        .implicitDeny(PolicyType.SCP),
                org("a deny at the root reaches an account five OUs down", SCP_EFFECTS
                        + ": an explicit Deny in an SCP attached to the root applies to every account below it")
                        .scp("r-root", FULL, deny("s3:GetObject", "*")).scp("ou-1", FULL).scp("ou-2", FULL)
                        .scp("ou-3", FULL).scp("ou-4", FULL).scp("ou-5", FULL).scp(ACCOUNT, FULL)
                        .explicitDeny(PolicyType.SCP),
                org("a deny at the root reaches the member account's root user", SCP_EFFECTS)
                        .principal(RequestPrincipal.root(ACCOUNT))
                        .scp("r-root", FULL, deny("*", "*")).scp("ou-1", FULL).scp(ACCOUNT, FULL)
                        .explicitDeny(PolicyType.SCP),
                org("allow list with NotAction: a listed service stays allowed", ALLOW_LIST)
                        .scp("r-root", FULL).scp("ou-1", notAction("Allow", "[\"iam:*\", \"organizations:*\"]"))
                        .scp(ACCOUNT, FULL).allow(),
                org("allow list with NotAction: the excluded service is implicitly denied", ALLOW_LIST)
                        .action("iam:CreateUser").resource("arn:aws:iam::111122223333:user/bob")
                        .scp("r-root", FULL).scp("ou-1", notAction("Allow", "[\"iam:*\", \"organizations:*\"]"))
                        .scp(ACCOUNT, FULL).implicitDeny(PolicyType.SCP),
                org("deny list with NotAction: everything outside the approved services is denied", ALLOW_LIST
                        + " (Deny with NotAction)")
                        .action("ec2:RunInstances").resource("*")
                        .scp("r-root", FULL, notAction("Deny", "[\"s3:*\", \"cloudwatch:*\"]")).scp(ACCOUNT, FULL)
                        .explicitDeny(PolicyType.SCP),
                org("deny list with NotAction: an approved service passes", ALLOW_LIST + " (Deny with NotAction)")
                        .scp("r-root", FULL, notAction("Deny", "[\"s3:*\", \"cloudwatch:*\"]")).scp(ACCOUNT, FULL)
                        .allow(),
                org("the management account is exempt at any depth", SCP_EFFECTS
                        + ": SCPs don't affect users or roles in the management account")
                        .principal(RequestPrincipal.root(ACCOUNT).withManagementAccount(true))
                        .scp("r-root", allow("ec2:*", "*"), deny("s3:*", "*")).scp(ACCOUNT, allow("ec2:*", "*")).allow(),
                org("a service-linked role is exempt from a deny at the root", SCP_EFFECTS
                        + ": SCPs do not affect any service-linked role")
                        .principal(roleSession(ACCOUNT, "AWSServiceRoleForOrganizations", "s").withServiceLinkedRole(true))
                        .scp("r-root", FULL, deny("*", "*")).scp("ou-1", allow("ec2:*", "*")).scp(ACCOUNT, FULL).allow());
    }

    private static final String ALLOW_LIST = "AWS Organizations, SCP syntax: NotAction element; Strategies for using"
            + " SCPs: allow list strategy";

    /** Root, ou-1 .. ou-5, account, all FullAWSAccess except {@code level} (0 = root, 6 = account) given {@code doc}. */
    private static EngineCase.Builder deep(String name, String source, int level, String doc) {
        EngineCase.Builder b = org("depth 5: " + name, source);
        String[] targets = {"r-root", "ou-1", "ou-2", "ou-3", "ou-4", "ou-5", ACCOUNT};
        for (int i = 0; i < targets.length; i++) b.scp(targets[i], i == level ? doc : FULL);
        return b;
    }

    private static String notAction(String effect, String actions) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"" + effect + "\", \"NotAction\": "
                + actions + ", \"Resource\": \"*\"}}";
    }
}
