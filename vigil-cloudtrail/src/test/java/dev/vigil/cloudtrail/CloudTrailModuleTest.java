package dev.vigil.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.RequestContext;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.Scheduler;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.service.ServiceEnvironment;
import dev.vigil.core.service.ServiceModule;
import dev.vigil.core.spi.AuditRecord;
import dev.vigil.core.spi.AuditSink;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.core.store.Database;
import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/** The module's life cycle as the server drives it: register, (calls audited), start, serve, stop. */
class CloudTrailModuleTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void foundByServiceLoader() {
        assertThat(ServiceLoader.load(ServiceModule.class).stream().map(ServiceLoader.Provider::type))
                .contains(CloudTrailModule.class);
    }

    @Test
    void auditsFromRegistrationAreStoredAfterMigrationAndServedByLookupEvents() {
        try (JdbcDatabase db = TestDatabases.h2Memory()) { // cloudtrail not migrated: start() must do it
            Env env = new Env(db);
            CloudTrailModule module = new CloudTrailModule();
            module.register(env);
            assertThat(env.interconnect().isProvided(AuditSink.class)).isTrue();
            AuditSink sink = env.interconnect().get(AuditSink.class);
            AuditRecord early = new AuditRecord("ev-1", NOW.minusSeconds(5), "req-1", Caller.root("000000000000", "test"),
                    "000000000000", "us-east-1", "127.0.0.1", "aws-cli/2.9", "sts.amazonaws.com", "GetCallerIdentity",
                    true, true, null, null, null, null, List.of(), null);
            sink.record(early); // before start: no table yet, so it must wait in the queue

            List<ServiceDescriptor> descriptors = module.start(env);
            assertThat(env.jobs).containsKey("cloudtrail-retention");
            assertThat(env.periods.get("cloudtrail-retention")).isEqualTo(Duration.ofHours(1));
            ServiceDescriptor d = descriptors.get(0);
            assertThat(d.signingName()).isEqualTo("cloudtrail");
            assertThat(d.protocols()).containsExactly(Protocol.AWS_JSON_1_1);
            assertThat(d.jsonTargetPrefix()).isEqualTo("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101");
            assertThat(d.error("InvalidLookupAttributesException").status()).isEqualTo(400);
            assertThat(d.error("InvalidNextTokenException").status()).isEqualTo(400);
            OperationDescriptor<?, ?> op = d.operation("LookupEvents");
            assertThat(op.iamAction()).isEqualTo("cloudtrail:LookupEvents");
            assertThat(op.readOnly()).isTrue();
            assertThat(op.dataEvent()).isFalse();

            module.recorder().flush();
            RequestContext ctx = new RequestContext("req-2", NOW, "us-east-1", Caller.root("000000000000", "test"),
                    "127.0.0.1", "ua", "cloudtrail", "LookupEvents");
            LookupEventsResponse r = (LookupEventsResponse) op.invoke(ctx, LookupEventsRequest.builder().build());
            assertThat(r.events()).extracting(e -> e.eventId()).containsExactly("ev-1");

            env.jobs.get("cloudtrail-retention").run(); // the scheduled sweep runs against the migrated store
            module.stop();
        }
    }

    /** A ServiceEnvironment that records scheduled jobs instead of running them. */
    private static final class Env implements ServiceEnvironment {
        final Map<String, Runnable> jobs = new LinkedHashMap<>();
        final Map<String, Duration> periods = new LinkedHashMap<>();
        private final Database db;
        private final MutableClock clock = new MutableClock(NOW);
        private final Interconnect interconnect = new Interconnect(new DeliveryFailures(clock));

        Env(Database db) { this.db = db; }

        @Override public Clock clock() { return clock; }
        @Override public Database database() { return db; }
        @Override public Interconnect interconnect() { return interconnect; }
        @Override public Scheduler scheduler() {
            return (name, period, job) -> { jobs.put(name, job); periods.put(name, period); };
        }
        @Override public String defaultAccount() { return "000000000000"; }
        @Override public String defaultRegion() { return "us-east-1"; }
    }
}
