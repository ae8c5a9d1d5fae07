package dev.vigil.iam.organizations;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import dev.vigil.iam.iam.IamProviders;
import java.time.Clock;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;

/**
 * Creates the access role through IAM's own providers, as the new account's root would, so the role is an ordinary
 * IAM role of that account ("Accessing a member account that has a management account access role"). Thread-safe.
 */
public final class IamAccessRoleMaker implements AccessRoleMaker {
    static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

    private final IamProviders iam;
    private final Clock clock;
    private final Runnable afterIamWrite;

    public IamAccessRoleMaker(IamProviders iam, Clock clock, Runnable afterIamWrite) {
        this.iam = iam;
        this.clock = clock;
        this.afterIamWrite = afterIamWrite;
    }

    @Override
    public void create(String accountId, String roleName, String managementAccount) {
        RequestContext ctx = new RequestContext(Ids.requestId(), clock.instant(), "us-east-1",
                Caller.root(accountId, null), "127.0.0.1", "organizations.amazonaws.com", "iam", "CreateRole");
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + managementAccount + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
        try {
            iam.roles().createRole(ctx, CreateRoleRequest.builder().roleName(roleName).assumeRolePolicyDocument(trust)
                    .build());
        } catch (AwsException e) {
            if (!"EntityAlreadyExists".equals(e.code())) throw e; // a retried completion finds its own role
        }
        try {
            iam.attachments().attachRolePolicy(ctx, AttachRolePolicyRequest.builder().roleName(roleName)
                    .policyArn(ADMINISTRATOR_ACCESS).build());
        } finally {
            afterIamWrite.run();
        }
    }
}
