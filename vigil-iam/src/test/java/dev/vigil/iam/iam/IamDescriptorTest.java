package dev.vigil.iam.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.MutableClock;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/** What the descriptor declares: protocol facts, every operation's action and category, errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IamDescriptorTest {
    JdbcDatabase db;
    ServiceDescriptor iam;

    @BeforeAll
    void build() {
        db = TestDatabases.h2Memory("iam");
        IamStores stores = IamStores.open(db, AwsManagedPolicies.load());
        MutableClock clock = new MutableClock(Instant.EPOCH);
        IamCredentialStore creds = new IamCredentialStore(stores.keys(), stores.users(), clock);
        iam = IamDescriptor.create(IamProviders.create(stores, clock, creds), stores);
    }

    @AfterAll
    void close() { db.close(); }

    @Test
    void serviceFacts() {
        assertThat(iam.signingName()).isEqualTo("iam");
        assertThat(iam.eventSource()).isEqualTo("iam.amazonaws.com");
        assertThat(iam.protocols()).containsExactly(Protocol.AWS_QUERY);
        assertThat(iam.global()).isTrue();
        assertThat(iam.xmlNamespace()).isEqualTo("https://iam.amazonaws.com/doc/2010-05-08/");
        assertThat(iam.apiVersion()).isEqualTo("2010-05-08");
        assertThat(iam.validationErrorCode()).isEqualTo("ValidationError");
        assertThat(iam.operations()).hasSize(109);
    }

    @Test
    void everyOperationDeclaresItsActionAndCategory() {
        for (OperationDescriptor<?, ?> op : iam.operations().values()) {
            assertThat(op.iamAction()).isEqualTo("iam:" + op.name());
            boolean read = op.name().startsWith("Get") || op.name().startsWith("List") || op.name().startsWith("Simulate");
            assertThat(op.readOnly()).as(op.name()).isEqualTo(read);
            assertThat(op.signed()).isTrue();
            assertThat(op.requestClass().getSimpleName()).isEqualToIgnoringCase(op.name() + "Request");
        }
    }

    @Test
    void errorsCarryAwsCodesAndStatuses() {
        assertThat(iam.error("NoSuchEntity").status()).isEqualTo(404);
        assertThat(iam.error("EntityAlreadyExists").status()).isEqualTo(409);
        assertThat(iam.error("LimitExceeded").status()).isEqualTo(409);
        assertThat(iam.error("DeleteConflict").status()).isEqualTo(409);
        assertThat(iam.error("MalformedPolicyDocument").status()).isEqualTo(400);
        assertThat(iam.error("InvalidInput").status()).isEqualTo(400);
        assertThat(iam.error("UnmodifiableEntity").status()).isEqualTo(400);
        assertThat(iam.error("NoSuchEntityException").queryCodeOrShape()).isEqualTo("NoSuchEntity");
    }

    @Test
    void requiredNamesAreConstrained() {
        assertThat(iam.constraints()).anySatisfy(mc -> {
            assertThat(mc.shape().getSimpleName()).isEqualTo("CreateUserRequest");
            assertThat(mc.member()).isEqualTo("UserName");
        });
        // Every paged operation bounds MaxItems (1..1000) and Marker, as the model does.
        for (OperationDescriptor<?, ?> op : iam.operations().values()) {
            for (SdkField<?> f : request(op).sdkFields()) {
                if (!f.memberName().equals("MaxItems") && !f.memberName().equals("Marker")) continue;
                assertThat(iam.constraints()).as(op.name() + "." + f.memberName())
                        .anyMatch(mc -> mc.shape() == op.requestClass() && mc.member().equals(f.memberName()));
            }
        }
    }

    private static SdkPojo request(OperationDescriptor<?, ?> op) {
        try {
            Object builder = op.requestClass().getMethod("builder").invoke(null);
            return (SdkPojo) ((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) builder).build();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
