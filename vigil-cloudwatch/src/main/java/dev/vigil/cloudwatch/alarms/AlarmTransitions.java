package dev.vigil.cloudwatch.alarms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.spi.EventPublisher;
import dev.vigil.core.spi.Interconnect;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies state changes: writes the new state (conditional on the version it was computed from), records the
 * StateUpdate history item, publishes the "CloudWatch Alarm State Change" event, runs the actions (unless
 * disabled or suppressed), then re-evaluates the composite alarms that name the alarm in their rule or as their
 * actions suppressor. Composite alarms: ALARM when the rule is TRUE, else OK; on entering ALARM their actions
 * wait for the suppressor (Alarm / WaitPeriod / ExtensionPeriod, as AWS documents ActionsSuppressor).
 * Thread-safe (stateless; concurrent writers lose the version race and re-read).
 */
public final class AlarmTransitions {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmTransitions.class);
    private static final DateTimeFormatter COMPOSITE_TIME =
            DateTimeFormatter.ofPattern("EEEE dd MMMM, yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int MAX_DEPTH = 10;
    private static final int ATTEMPTS = 5;

    private final AlarmRepository repo;
    private final Interconnect interconnect;
    private final Clock clock;
    private final AlarmActions actions;

    public AlarmTransitions(AlarmRepository repo, Interconnect interconnect, Clock clock) {
        this.repo = repo;
        this.interconnect = interconnect;
        this.clock = clock;
        this.actions = new AlarmActions(interconnect, repo);
    }

    /**
     * Moves {@code before} to {@code state} (a no-op when it is already there and {@code force} is false).
     * Returns false when the alarm changed underneath (nothing written).
     */
    public boolean change(Alarm before, String state, String reason, String reasonData, boolean force) {
        return change(before, state, reason, reasonData, force, List.of(), 0);
    }

    private boolean change(Alarm before, String state, String reason, String reasonData, boolean force,
                           List<Alarm> triggering, int depth) {
        if (state.equals(before.state()) && !force) return true;
        long now = clock.millis();
        Alarm after = before.withState(state, reason, reasonData, now);
        boolean runActions = after.config().actionsEnabled();
        if (after.config().isComposite()) {
            after = suppression(after, before, now);
            runActions &= after.suppressedBy() == null;
        }
        if (!repo.updateState(after, before.version())) return false;
        after = after.withVersion(before.version() + 1);
        repo.addHistory(new AlarmHistoryItem(after.accountId(), after.region(), after.name(), after.config().type(), now,
                "StateUpdate", "Alarm updated from " + before.state() + " to " + state,
                Notifications.stateUpdate(before, after)));
        publish(before, after);
        if (runActions) actions.run(after, before.state(), triggering, now);
        if (depth < MAX_DEPTH) followers(after, before.state(), depth);
        return true;
    }

    private void publish(Alarm before, Alarm after) {
        try {
            interconnect.get(EventPublisher.class).publish(after.accountId(), after.region(), "aws.cloudwatch",
                    "CloudWatch Alarm State Change", Notifications.eventDetail(before, after), List.of(after.arn()),
                    Instant.ofEpochMilli(after.stateUpdated()));
        } catch (RuntimeException e) {
            LOG.warn("alarm {}: state change event not published", after.arn(), e);
        }
    }

    /** A composite alarm entering ALARM: whether (and until when) its actions wait for the suppressor. */
    private Alarm suppression(Alarm after, Alarm before, long now) {
        AlarmConfig c = after.config();
        if (!"ALARM".equals(after.state()) || c.actionsSuppressor() == null) return after.withSuppression(null, null, null);
        Optional<Alarm> suppressor = resolve(after.accountId(), after.region(), c.actionsSuppressor());
        if (suppressor.isPresent() && "ALARM".equals(suppressor.get().state())) {
            return after.withSuppression("Alarm", "Alarm " + suppressor.get().arn() + " is in ALARM state.", null);
        }
        if (suppressor.isPresent() && leftAlarmWithin(suppressor.get(), c.suppressorExtensionPeriod(), now)) {
            long due = suppressor.get().stateTransitioned() + c.suppressorExtensionPeriod() * 1000L;
            return after.withSuppression("ExtensionPeriod", "Extension period of alarm "
                    + suppressor.get().arn() + " has not elapsed.", due);
        }
        if (c.suppressorWaitPeriod() != null && c.suppressorWaitPeriod() > 0) {
            return after.withSuppression("WaitPeriod", "Waiting " + c.suppressorWaitPeriod()
                    + " seconds for the suppressor alarm to go into ALARM state.", now + c.suppressorWaitPeriod() * 1000L);
        }
        return after.withSuppression(null, null, null);
    }

    private boolean leftAlarmWithin(Alarm suppressor, Integer extension, long now) {
        if (extension == null || extension <= 0 || suppressor.stateTransitioned() + extension * 1000L <= now) return false;
        List<AlarmHistoryItem> last = repo.history(suppressor.accountId(), suppressor.region(), suppressor.name(),
                List.of("StateUpdate"), List.of(), 0, Long.MAX_VALUE, false, null, 1);
        return !last.isEmpty() && last.get(0).summary().startsWith("Alarm updated from ALARM to ");
    }

    /** A composite alarm's actions whose wait or extension period ended: run them unless the suppressor is in ALARM. */
    public void actionDue(Alarm a) {
        if (!"ALARM".equals(a.state()) || a.actionDue() == null) {
            repo.updateState(a.withSuppression(null, null, null), a.version());
            return;
        }
        Optional<Alarm> suppressor = resolve(a.accountId(), a.region(), a.config().actionsSuppressor());
        if (suppressor.isPresent() && "ALARM".equals(suppressor.get().state())) {
            repo.updateState(a.withSuppression("Alarm", "Alarm " + suppressor.get().arn() + " is in ALARM state.", null),
                    a.version());
            return;
        }
        if (repo.updateState(a.withSuppression(null, null, null), a.version()) && a.config().actionsEnabled()) {
            actions.run(a, a.state(), triggering(a), clock.millis());
        }
    }

    /** Re-evaluates the composite alarms following {@code changed} (rule children and suppressed ones). */
    private void followers(Alarm changed, String oldState, int depth) {
        for (Alarm other : repo.composites(changed.accountId(), changed.region())) {
            AlarmConfig c = other.config();
            if (refersTo(c.actionsSuppressor(), changed)) suppressorChanged(other, changed, oldState);
            AlarmRule rule;
            try {
                rule = AlarmRule.parse(c.alarmRule());
            } catch (AlarmRule.RuleException e) {
                continue;
            }
            boolean child = false;
            for (String ref : rule.references()) child |= refersTo(ref, changed);
            if (child) evaluateComposite(other.name(), changed.accountId(), changed.region(), changed, depth + 1);
        }
    }

    private static boolean refersTo(String ref, Alarm a) {
        return ref != null && (ref.equals(a.name()) || ref.equals(a.arn()));
    }

    private void suppressorChanged(Alarm composite, Alarm suppressor, String oldState) {
        Alarm current = repo.get(composite.accountId(), composite.region(), composite.name()).orElse(null);
        if (current == null || !"ALARM".equals(current.state())) return;
        AlarmConfig c = current.config();
        if ("ALARM".equals(suppressor.state()) && current.suppressedBy() != null) {
            repo.updateState(current.withSuppression("Alarm", "Alarm " + suppressor.arn() + " is in ALARM state.", null),
                    current.version());
        } else if ("ALARM".equals(oldState) && "Alarm".equals(current.suppressedBy())) {
            long due = clock.millis() + (c.suppressorExtensionPeriod() == null ? 0 : c.suppressorExtensionPeriod() * 1000L);
            repo.updateState(current.withSuppression("ExtensionPeriod", "Extension period of alarm " + suppressor.arn()
                    + " has not elapsed.", due), current.version());
        }
    }

    /** Evaluates a composite alarm's rule now and applies the result; {@code trigger} is the child that changed. */
    public void evaluateComposite(String name, String accountId, String region, Alarm trigger, int depth) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<Alarm> all = repo.list(accountId, region);
            Map<String, Alarm> byRef = new HashMap<>();
            for (Alarm a : all) {
                byRef.put(a.name(), a);
                byRef.put(a.arn(), a);
            }
            Alarm composite = byRef.get(name);
            if (composite == null || !composite.config().isComposite()) return;
            AlarmRule rule = AlarmRule.parse(composite.config().alarmRule());
            boolean value = rule.evaluate(ref -> byRef.containsKey(ref) ? byRef.get(ref).state() : null);
            String state = value ? "ALARM" : "OK";
            if (state.equals(composite.state())) return;
            List<Alarm> triggering = new ArrayList<>();
            if (trigger != null && byRef.containsKey(trigger.name())) triggering.add(byRef.get(trigger.name()));
            if (triggering.isEmpty()) {
                for (String ref : rule.references()) {
                    Alarm child = byRef.get(ref);
                    if (child != null && state.equals("ALARM") == "ALARM".equals(child.state())) {
                        triggering.add(child);
                        break;
                    }
                }
            }
            String reason;
            ObjectNode data = StateReasons.JSON.createObjectNode();
            ArrayNode arr = data.putArray("triggeringAlarms");
            if (triggering.isEmpty()) {
                reason = "Composite alarm rule evaluated to " + (value ? "TRUE" : "FALSE") + ".";
            } else {
                Alarm t = triggering.get(0);
                reason = t.arn() + " transitioned to " + t.state() + " at "
                        + COMPOSITE_TIME.format(Instant.ofEpochMilli(t.stateUpdated()));
                ObjectNode item = arr.addObject();
                item.put("arn", t.arn());
                ObjectNode st = item.putObject("state");
                st.put("value", t.state());
                st.put("timestamp", StateReasons.iso(t.stateUpdated()));
            }
            if (change(composite, state, reason, data.toString(), false, triggering, depth)) return;
        }
        LOG.warn("composite alarm {} in {}/{} kept changing; not re-evaluated", name, accountId, region);
    }

    private List<Alarm> triggering(Alarm composite) {
        List<Alarm> out = new ArrayList<>();
        try {
            for (String ref : AlarmRule.parse(composite.config().alarmRule()).references()) {
                resolve(composite.accountId(), composite.region(), ref).filter(c -> "ALARM".equals(c.state()))
                        .ifPresent(out::add);
            }
        } catch (AlarmRule.RuleException e) {
            return out;
        }
        return out;
    }

    Optional<Alarm> resolve(String accountId, String region, String ref) {
        if (ref == null) return Optional.empty();
        return repo.get(accountId, region, AlarmRule.nameOf(ref, accountId, region));
    }
}
