package dev.vigil.iam;

import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.service.ServiceEnvironment;
import dev.vigil.core.service.ServiceModule;
import dev.vigil.iam.sts.StsDescriptor;
import dev.vigil.iam.sts.StsProvider;
import java.util.List;

/** Identity services: STS now; IAM, Organizations and the policy engine join here. */
public final class IamModule implements ServiceModule {
    @Override
    public List<ServiceDescriptor> start(ServiceEnvironment env) {
        return List.of(StsDescriptor.create(new StsProvider()));
    }
}
