package dev.vigil.iam.sts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.spi.Credential;
import dev.vigil.iam.authz.SessionGrants.SessionGrant;
import dev.vigil.store.Jdbc;
import dev.vigil.store.JdbcDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The session store and its cache against a real database; one subclass per engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StsSessionStoreContract {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/team/deployer";
    static final SessionPrincipal ROLE_SESSION = new SessionPrincipal("123456789012", PrincipalType.ASSUMED_ROLE,
            "arn:aws:sts::123456789012:assumed-role/deployer/ci", "AROAEXAMPLEROLEID001:ci", "ci", ROLE_ARN);

    private JdbcDatabase db;
    private StsSessionStore store;
    private MutableClock clock;
    private SessionCredentials sessions;

    abstract JdbcDatabase open();

    @BeforeAll
    void openDatabase() {
        db = open();
        store = new StsSessionStore(new Jdbc(db));
    }

    @AfterAll
    void close() { db.close(); }

    @BeforeEach
    void fresh() {
        db.wipe();
        clock = new MutableClock(NOW);
        sessions = new SessionCredentials(store, clock);
        sessions.start();
    }

    @Test
    void everyAttributeRoundTrips() {
        SessionAttributes attributes = new SessionAttributes("{\"Version\":\"2012-10-17\",\"Statement\":[]}",
                List.of("arn:aws:iam::aws:policy/IAMReadOnlyAccess", "arn:aws:iam::123456789012:policy/p"),
                Map.of("team", "blue", "Project", "apollo"), Set.of("Project"), "alice", true);
        StsSession issued = sessions.issue(ROLE_SESSION, attributes, Duration.ofMinutes(15));

        StsSession read = store.find(issued.accessKeyId()).orElseThrow();
        assertThat(read).isEqualTo(issued);
        assertThat(read.accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(read.secretAccessKey()).hasSize(40);
        assertThat(read.sessionToken()).hasSizeGreaterThan(200);
        assertThat(read.created()).isEqualTo(NOW);
        assertThat(read.expiration()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(read.attributes().transitiveTags()).containsExactly(Map.entry("Project", "apollo"));
    }

    @Test
    void minimalSessionRoundTrips() {
        SessionPrincipal root = new SessionPrincipal("123456789012", PrincipalType.ROOT,
                "arn:aws:iam::123456789012:root", "123456789012", null, null);
        StsSession issued = sessions.issue(root, SessionAttributes.NONE, Duration.ofHours(1));
        assertThat(store.find(issued.accessKeyId())).contains(issued);
    }

    @Test
    void credentialCarriesTokenExpirationAndTheSessionCaller() {
        StsSession s = sessions.issue(ROLE_SESSION, SessionAttributes.NONE, Duration.ofMinutes(15));
        Credential c = sessions.find(s.accessKeyId()).orElseThrow();
        assertThat(c.secretAccessKey()).isEqualTo(s.secretAccessKey());
        assertThat(c.sessionToken()).isEqualTo(s.sessionToken());
        assertThat(c.expiration()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(c.active()).isTrue();
        Caller caller = c.caller();
        assertThat(caller.type()).isEqualTo(PrincipalType.ASSUMED_ROLE);
        assertThat(caller.arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/deployer/ci");
        assertThat(caller.principalId()).isEqualTo("AROAEXAMPLEROLEID001:ci");
        assertThat(caller.accessKeyId()).isEqualTo(s.accessKeyId());
        assertThat(caller.sessionIssuerArn()).isEqualTo(ROLE_ARN);
        assertThat(caller.sessionCreated()).isEqualTo(NOW);
        assertThat(caller.mfaAuthenticated()).isFalse();
    }

    @Test
    void anotherNodeFindsTheSessionInTheStore() {
        StsSession s = sessions.issue(ROLE_SESSION, new SessionAttributes(null, List.of("arn:aws:iam::aws:policy/X"),
                Map.of("k", "v"), Set.of(), "src", false), Duration.ofMinutes(15));
        SessionCredentials otherNode = new SessionCredentials(store, clock);
        otherNode.start();
        assertThat(otherNode.find(s.accessKeyId())).isPresent();
        assertThat(otherNode.grant(s.accessKeyId())).contains(
                new SessionGrant(null, List.of("arn:aws:iam::aws:policy/X"), Map.of("k", "v"), "src"));
    }

    @Test
    void onlySessionKeysAreAnsweredAndOnlyOnceStarted() {
        StsSession s = sessions.issue(ROLE_SESSION, SessionAttributes.NONE, Duration.ofMinutes(15));
        assertThat(sessions.find("AKIAIOSFODNN7EXAMPLE")).isEmpty();
        assertThat(sessions.find("ASIAUNKNOWNSESSION00")).isEmpty();
        SessionCredentials notStarted = new SessionCredentials(store, clock);
        assertThat(notStarted.find(s.accessKeyId())).isEmpty();
    }

    @Test
    void expiredSessionsStayUntilTheRetentionThenTheSweepDeletesThem() {
        StsSession shortLived = sessions.issue(ROLE_SESSION, SessionAttributes.NONE, Duration.ofMinutes(15));
        clock.advance(Duration.ofHours(2));
        StsSession longLived = sessions.issue(ROLE_SESSION, SessionAttributes.NONE, Duration.ofHours(36));
        // Expired, but still found, so the gateway answers ExpiredToken.
        assertThat(sessions.find(shortLived.accessKeyId())).isPresent();
        assertThat(sessions.sweep()).isZero();

        clock.advance(SessionCredentials.RETENTION);
        assertThat(sessions.sweep()).isEqualTo(1);
        assertThat(store.find(shortLived.accessKeyId())).isEmpty();
        assertThat(sessions.find(shortLived.accessKeyId())).isEmpty();
        assertThat(sessions.find(longLived.accessKeyId())).isPresent();
    }

    @Test
    void sweptSessionsAreForgottenEvenBeforeTheSweepRuns() {
        StsSession s = sessions.issue(ROLE_SESSION, SessionAttributes.NONE, Duration.ofMinutes(15));
        clock.advance(SessionCredentials.RETENTION.plus(Duration.ofHours(1)));
        assertThat(sessions.find(s.accessKeyId())).isEqualTo(Optional.empty());
        assertThat(store.find(s.accessKeyId())).isPresent();
    }
}
