package dev.vigil.events;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The store of archives, archived events, replays, partner event sources and the extra bus settings. Kept apart
 * from {@link EventsRepository} so bus/rule storage stays unchanged; its transactions join the events store's
 * (same database). Implementations are thread-safe.
 */
public interface ArchiveRepository {

    /** Inserts an archive; false when one of that name exists. */
    boolean createArchive(EventArchive archive);

    Optional<EventArchive> archive(String account, String region, String name);

    /** The account's archives in name order. */
    List<EventArchive> archives(String account, String region);

    /** The archives of one bus (to compile its matcher). */
    List<EventArchive> archivesOfBus(String account, String region, String bus);

    /** Rewrites description, pattern, retention and key of an existing archive; false when it does not exist. */
    boolean updateArchive(EventArchive archive);

    /** Deletes an archive with its events; false when it did not exist. */
    boolean deleteArchive(String account, String region, String name);

    /** {event count, total bytes} currently held by an archive. */
    long[] archiveStats(String account, String region, String name);

    /** Appends archived events and runs {@code sameTransaction} in one transaction (acceptance + archiving). */
    void archive(List<ArchivedEvent> events, Runnable sameTransaction);

    /**
     * An archive's events with {@code from <= event_time < to} after the cursor (time, id), in (time, id) order, at most
     * {@code limit}.
     */
    List<ArchivedEvent> archivedEvents(String account, String region, String archive, Instant from, Instant to,
                                       Instant afterTime, long afterId, int limit);

    /** Deletes archived events older than their archive's retention; answers how many went. */
    int sweepExpired(Instant now);

    boolean createReplay(EventReplay replay);

    Optional<EventReplay> replay(String account, String region, String name);

    List<EventReplay> replays(String account, String region);

    /** Replays of any account still to be worked on (STARTING, RUNNING, CANCELLING). */
    List<EventReplay> activeReplays();

    /** Moves a replay from one of {@code from} to {@code to}; false when it was in none of them. */
    boolean transition(EventReplay replay, Collection<String> from, String to, String reason, Instant replayEnd);

    /**
     * Moves a RUNNING replay's cursor from where {@code replay} had it to (time, id) and runs {@code sameTransaction}
     * (queueing the deliveries) in one transaction; false (nothing written) when the replay moved on meanwhile.
     */
    boolean advance(EventReplay replay, Instant cursorTime, long cursorId, Runnable sameTransaction);

    /** Creates or re-offers (undeleting, reactivating) a partner event source for one customer account. */
    void savePartnerSource(PartnerSource source);

    Optional<PartnerSource> partnerSource(String region, String name, String account);

    /** Every offer of a source name, by customer account. */
    List<PartnerSource> partnerSourcesNamed(String region, String name);

    /** Offers a partner made, in (name, account) order. */
    List<PartnerSource> partnerSourcesOf(String region, String partnerAccount);

    /** Sources offered to a customer account, in name order. */
    List<PartnerSource> partnerSourcesFor(String region, String account);

    boolean setPartnerFlags(String region, String name, String account, boolean deactivated, boolean deleted);

    /** {kms key, dead-letter ARN} of a bus, either may be null. */
    String[] busSettings(String account, String region, String bus);

    void saveBusSettings(String account, String region, String bus, String kmsKey, String dlqArn);
}
