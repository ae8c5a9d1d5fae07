package dev.vigil.messaging;

import dev.vigil.core.Arn;
import dev.vigil.core.Caller;
import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.Authorizer;
import dev.vigil.core.spi.Interconnect;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The policy check of a service-internal delivery (SNS to a queue, an alarm or a rule to a topic or queue):
 * the sending service principal acts in the target's account, and the target's resource policy decides, with
 * the source's ARN and account as condition keys — as AWS evaluates it. Thread-safe.
 */
public final class ServicePrincipals {
    private final Interconnect interconnect;
    private final Clock clock;

    public ServicePrincipals(Interconnect interconnect, Clock clock) {
        this.interconnect = interconnect;
        this.clock = clock;
    }

    /**
     * @throws dev.vigil.core.AwsException AccessDenied when the target's policy does not allow the principal
     */
    public void authorize(String principal, String action, String targetArn, String sourceArn) {
        Arn target = Arn.parse(targetArn);
        String sourceAccount = sourceAccount(sourceArn, target.accountId());
        RequestContext ctx = new RequestContext(Ids.requestId(), clock.instant(), target.region(),
                Caller.service(principal, target.accountId()), principal, principal, target.service(),
                action.substring(action.indexOf(':') + 1));
        interconnect.get(Authorizer.class).authorize(ctx, action, List.of(targetArn), Map.of(
                "aws:SourceArn", List.of(sourceArn),
                "aws:SourceAccount", List.of(sourceAccount),
                "aws:SourceOwner", List.of(sourceAccount)));
    }

    private static String sourceAccount(String sourceArn, String fallback) {
        if (!Arn.isArn(sourceArn)) return fallback;
        String account = Arn.parse(sourceArn).accountId();
        return account.isEmpty() ? fallback : account;
    }
}
