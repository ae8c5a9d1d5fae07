package dev.vigil.iam;

import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.service.ServiceEnvironment;
import dev.vigil.core.service.ServiceModule;
import dev.vigil.core.spi.Authorizer;
import dev.vigil.core.spi.CredentialStore;
import dev.vigil.iam.authz.IamPolicyAuthorizer;
import dev.vigil.iam.iam.AwsManagedPolicies;
import dev.vigil.iam.iam.IamCredentialStore;
import dev.vigil.iam.iam.IamDescriptor;
import dev.vigil.iam.iam.IamPrincipalPolicies;
import dev.vigil.iam.iam.IamProviders;
import dev.vigil.iam.iam.IamStores;
import dev.vigil.iam.sts.SessionCredentials;
import dev.vigil.iam.sts.SessionSweeper;
import dev.vigil.iam.sts.StsDescriptor;
import dev.vigil.iam.sts.StsProviders;
import dev.vigil.iam.sts.StsSessionStore;
import java.util.List;

/**
 * Identity services: IAM and STS (Organizations and the policy engine join here). Publishes the keys IAM issues and
 * the sessions STS issues as the gateway's one {@link CredentialStore}, and the policy decision as its
 * {@link Authorizer} (phase 1); migrates the iam schema before answering lookups and starts the sweep of expired
 * sessions (phase 2). Used by one server thread at a time.
 */
public final class IamModule implements ServiceModule {
    private IamStores stores;
    private IamCredentialStore credentials;
    private SessionCredentials sessions;
    private IamPrincipalPolicies principalPolicies;

    @Override
    public void register(ServiceEnvironment env) {
        stores = IamStores.open(env.database(), AwsManagedPolicies.load());
        credentials = new IamCredentialStore(stores.keys(), stores.users(), env.clock());
        sessions = new SessionCredentials(new StsSessionStore(stores.jdbc()), env.clock());
        env.interconnect().register(CredentialStore.class, new IssuedCredentials(credentials, sessions));
        principalPolicies = new IamPrincipalPolicies(stores, env.clock());
        env.interconnect().register(Authorizer.class, new IamPolicyAuthorizer(principalPolicies, sessions,
                env.interconnect()::resourcePolicy));
    }

    @Override
    public List<ServiceDescriptor> start(ServiceEnvironment env) {
        if (stores == null) register(env);
        env.database().migrate("iam");
        credentials.start();
        sessions.start();
        env.scheduler().every(SessionSweeper.JOB, SessionSweeper.PERIOD, new SessionSweeper(sessions));
        IamProviders providers = IamProviders.create(stores, env.clock(), credentials);
        return List.of(StsDescriptor.create(StsProviders.create(stores, sessions, env.clock())),
                IamDescriptor.create(providers, stores, principalPolicies::invalidate));
    }

    /** Called before a reset wipes the store: cached keys and sessions must not outlive it. */
    @Override
    public void flush() {
        if (credentials != null) credentials.invalidateAll();
        if (sessions != null) sessions.invalidateAll();
        if (principalPolicies != null) principalPolicies.invalidate();
    }
}
