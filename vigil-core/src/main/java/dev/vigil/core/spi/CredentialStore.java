package dev.vigil.core.spi;

import java.util.Optional;

/** Access keys Vigil issued (IAM users, STS sessions): owned by IAM/STS. */
public interface CredentialStore {
    Optional<Credential> find(String accessKeyId);
}
