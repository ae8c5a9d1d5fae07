package dev.vigil.iam.organizations;

/** Every Organizations provider. Immutable; thread-safe. */
record OrgProviders(AccountsProvider accounts, TreeProvider tree, OrgPolicyProvider policies,
                    HandshakeProvider handshakes, ServiceAccessProvider services, TagProvider tags) {}
