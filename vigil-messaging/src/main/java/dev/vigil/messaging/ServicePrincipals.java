package dev.vigil.messaging;

import dev.vigil.core.Arn;
import dev.vigil.core.Caller;
import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.Authorizer;
import dev.vigil.core.spi.Interconnect;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * The policy check of a service-internal delivery (SNS to a queue, an alarm or a rule to a topic or queue):
 * the sending service principal acts in the target's account, and the target's resource policy decides, with
 * the source's ARN and account as condition keys — as AWS evaluates it. Thread-safe.
 */
public final class ServicePrincipals {
    static final Set<String> ON_BEHALF_OF_OWNER = Set.of("cloudwatch.amazonaws.com");
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
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("aws:SourceArn", List.of(sourceArn));
        keys.put("aws:SourceAccount", List.of(sourceAccount));
        // Alarm actions publish for the alarm's owner: the default topic policy (AWS:SourceOwner = the topic's
        // account) lets them through, as on AWS; EventBridge and the others need a statement naming them.
        if (ON_BEHALF_OF_OWNER.contains(principal)) keys.put("aws:SourceOwner", List.of(sourceAccount));
        interconnect.get(Authorizer.class).authorize(ctx, action, List.of(targetArn), keys);
    }

    private static String sourceAccount(String sourceArn, String fallback) {
        if (!Arn.isArn(sourceArn)) return fallback;
        String account = Arn.parse(sourceArn).accountId();
        return account.isEmpty() ? fallback : account;
    }
}
