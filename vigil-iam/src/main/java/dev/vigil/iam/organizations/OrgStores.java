package dev.vigil.iam.organizations;

import dev.vigil.core.store.Database;
import dev.vigil.store.Jdbc;

/** Every Organizations store over one database. Immutable; thread-safe. */
record OrgStores(Jdbc jdbc, OrganizationStore orgs, OrgPolicyStore policies, HandshakeStore handshakes,
                 ServiceAccessStore services) {

    static OrgStores open(Database database) {
        Jdbc jdbc = new Jdbc(database);
        return new OrgStores(jdbc, new OrganizationStore(jdbc), new OrgPolicyStore(jdbc), new HandshakeStore(jdbc),
                new ServiceAccessStore(jdbc));
    }
}
