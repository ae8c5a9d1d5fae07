package dev.vigil.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.store.JdbcDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connections and API destinations in the store, and the outbox's batch claim/removal and target parameters, against
 * a real database; one subclass per engine.
 */
abstract class ConnectionsStoreContract {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    private JdbcDatabase db;
    private JdbcConnectionsRepository repo;
    private JdbcEventsRepository events;

    abstract JdbcDatabase open();

    @BeforeEach
    void setUp() {
        db = open();
        repo = new JdbcConnectionsRepository(db);
        events = new JdbcEventsRepository(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static ApiConnection connection(String name, String state) {
        return new ApiConnection(ACCOUNT, REGION, name, "0000-" + name, "d", "BASIC", state, null,
                "{\"username\":\"u\",\"password\":\"p\"}", T0, T0, T0);
    }

    @Test
    void connectionsAreCreatedOnceUpdatedAndDeleted() {
        assertThat(repo.createConnection(connection("b", "AUTHORIZED"))).isTrue();
        assertThat(repo.createConnection(connection("a", "AUTHORIZED"))).isTrue();
        assertThat(repo.createConnection(connection("a", "AUTHORIZED"))).isFalse();
        assertThat(repo.connections(ACCOUNT, REGION)).extracting(ApiConnection::name).containsExactly("a", "b");
        assertThat(repo.connections("999999999999", REGION)).isEmpty();
        ApiConnection a = repo.connection(ACCOUNT, REGION, "a").orElseThrow();
        assertThat(a.arn()).isEqualTo("arn:aws:events:us-east-1:123456789012:connection/a/0000-a");
        assertThat(repo.saveConnection(a.withState("DEAUTHORIZED", "why", T0.plusSeconds(5), T0))).isTrue();
        ApiConnection d = repo.connection(ACCOUNT, REGION, "a").orElseThrow();
        assertThat(d.state()).isEqualTo("DEAUTHORIZED");
        assertThat(d.stateReason()).isEqualTo("why");
        assertThat(d.modifiedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(Connections.byArn(repo, a.arn())).isPresent();
        assertThat(Connections.byArn(repo, "arn:aws:events:us-east-1:123456789012:connection/a/other-id")).isEmpty();
        assertThat(repo.deleteConnection(ACCOUNT, REGION, "a")).isTrue();
        assertThat(repo.deleteConnection(ACCOUNT, REGION, "a")).isFalse();
    }

    @Test
    void apiDestinationsAreCreatedOnceUpdatedAndDeleted() {
        ApiDestinationDef d = new ApiDestinationDef(ACCOUNT, REGION, "hook", "1111", null,
                "arn:aws:events:us-east-1:123456789012:connection/a/0000-a", "https://example.com/*", "POST", 300,
                "ACTIVE", T0, T0);
        assertThat(repo.createDestination(d)).isTrue();
        assertThat(repo.createDestination(d)).isFalse();
        assertThat(repo.saveDestination(new ApiDestinationDef(ACCOUNT, REGION, "hook", "1111", "x", d.connectionArn(),
                "https://example.com/v2/*", "PUT", 5, "ACTIVE", T0, T0.plusSeconds(1)))).isTrue();
        ApiDestinationDef got = repo.destination(ACCOUNT, REGION, "hook").orElseThrow();
        assertThat(got.endpoint()).isEqualTo("https://example.com/v2/*");
        assertThat(got.httpMethod()).isEqualTo("PUT");
        assertThat(got.rateLimitPerSecond()).isEqualTo(5);
        assertThat(ApiDestinations.byArn(repo, got.arn())).contains(got);
        assertThat(repo.destinations(ACCOUNT, REGION)).hasSize(1);
        assertThat(repo.deleteDestination(ACCOUNT, REGION, "hook")).isTrue();
        assertThat(repo.destination(ACCOUNT, REGION, "hook")).isEmpty();
    }

    @Test
    void outboxEntriesKeepTheirTargetParametersAndAreClaimedAndRemovedInBatches() {
        String params = "{\"PathParameterValues\":[\"x\"]}";
        events.enqueue(List.of(
                new OutboxEntry(0, ACCOUNT, REGION, "rule", "target-1", "{}", T0, 0, 3, 60, null, T0, params),
                new OutboxEntry(0, ACCOUNT, REGION, "rule", "target-2", "{}", T0, 0, 3, 60, null, T0)));
        List<OutboxEntry> due = events.due(T0, 1);
        assertThat(due).hasSize(1); // the limit is applied by the query
        due = events.due(T0, 10);
        assertThat(due).extracting(OutboxEntry::targetParams).containsExactly(params, null);
        List<OutboxEntry> claimed = events.claimAll(due, T0.plusSeconds(60));
        assertThat(claimed).hasSize(2);
        assertThat(events.claimAll(due, T0.plusSeconds(120))).isEmpty(); // already taken
        assertThat(events.due(T0.plusSeconds(59), 10)).isEmpty();
        events.deliveredAll(List.of(claimed.get(0).id()));
        assertThat(events.pendingDeliveries()).isEqualTo(1);
    }
}
