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
import dev.vigil.iam.sts.StsDescriptor;
import dev.vigil.iam.sts.StsProvider;
import java.util.List;

/**
 * Identity services: IAM and STS (Organizations and the policy engine join here). Publishes the access keys IAM
 * issues as the gateway's {@link CredentialStore} (phase 1); migrates the iam schema before answering lookups
 * (phase 2). Used by one server thread at a time.
 */
public final class IamModule implements ServiceModule {
    private IamStores stores;
    private IamCredentialStore credentials;
    private IamPrincipalPolicies principalPolicies;

    @Override
    public void register(ServiceEnvironment env) {
        stores = IamStores.open(env.database(), AwsManagedPolicies.load());
        credentials = new IamCredentialStore(stores.keys(), stores.users(), env.clock());
        env.interconnect().register(CredentialStore.class, credentials);
        principalPolicies = new IamPrincipalPolicies(stores, env.clock());
        env.interconnect().register(Authorizer.class, new IamPolicyAuthorizer(principalPolicies));
    }

    @Override
    public List<ServiceDescriptor> start(ServiceEnvironment env) {
        if (stores == null) register(env);
        env.database().migrate("iam");
        credentials.start();
        IamProviders providers = IamProviders.create(stores, env.clock(), credentials);
        return List.of(StsDescriptor.create(new StsProvider()),
                IamDescriptor.create(providers, stores, principalPolicies::invalidate));
    }

    /** Called before a reset wipes the store: cached keys must not outlive it. */
    @Override
    public void flush() {
        if (credentials != null) credentials.invalidateAll();
        if (principalPolicies != null) principalPolicies.invalidate();
    }
}
