package dev.vigil.iam.organizations;

import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.store.Database;
import java.time.Clock;
import java.time.Duration;

/**
 * AWS Organizations in Vigil: the API (one {@link ServiceDescriptor}), the asynchronous completion of created
 * accounts, and the {@link ScpDirectory} the authorizer asks on every request. Built by the IAM module, which owns
 * the identity side. Thread-safe once built.
 */
public final class Organizations {
    /** The scheduler job that finishes account creations when nobody calls Organizations meanwhile. */
    public static final String JOB = "organizations-create-account";
    public static final Duration PERIOD = Duration.ofSeconds(1);

    private final OrgStores stores;
    private final ScpDirectory directory;
    private final Clock clock;
    private AccountsProvider accounts;

    private Organizations(OrgStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
        this.directory = new ScpDirectory(stores, clock);
    }

    public static Organizations open(Database database, Clock clock) {
        return new Organizations(OrgStores.open(database), clock);
    }

    public ScpDirectory directory() { return directory; }

    /** The service descriptor; account creations give the new account its access role through {@code roles}. */
    public ServiceDescriptor descriptor(AccessRoleMaker roles) {
        OrgLookup look = new OrgLookup(stores);
        accounts = new AccountsProvider(stores, look, roles, clock);
        OrgPolicyProvider policies = new OrgPolicyProvider(stores, look, clock);
        OrgProviders p = new OrgProviders(accounts, new TreeProvider(stores, look, clock), policies,
                new HandshakeProvider(stores, look, clock), new ServiceAccessProvider(stores, look, clock),
                new TagProvider(stores, look, policies));
        return OrganizationsDescriptor.create(p, new OrgResources(stores, look), this::completeDue,
                directory::invalidate);
    }

    /** Finishes due account creations (the scheduler's job). */
    public void completeDue() {
        if (accounts != null && accounts.completeDue() > 0) directory.invalidate();
    }
}
