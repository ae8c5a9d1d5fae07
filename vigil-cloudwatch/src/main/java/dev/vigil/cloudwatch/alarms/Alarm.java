package dev.vigil.cloudwatch.alarms;

import dev.vigil.core.Arn;

/**
 * A stored alarm: its configuration and its current state. {@code version} grows with every write, so state
 * changes are conditional on the version they were computed from. {@code nextEval} is when the evaluator must
 * look at it next (metric alarms: the next period boundary; composite alarms: only while an action waits for
 * its suppressor's wait period, {@code actionDue}). {@code evaluationState} is AWS's EvaluationState: null, or
 * EVALUATION_ERROR while the alarm's metric query fails. Immutable.
 */
public record Alarm(String accountId, String region, String name, AlarmConfig config, long configUpdated,
                    String state, String stateReason, String stateReasonData, long stateUpdated,
                    long stateTransitioned, Long nextEval, long version, String suppressedBy,
                    String suppressedReason, Long actionDue, String evaluationState) {

    public String arn() { return arn(accountId, region, name); }

    public static String arn(String accountId, String region, String name) {
        return Arn.of("cloudwatch", region, accountId, "alarm:" + name).toString();
    }

    public Alarm withState(String newState, String reason, String reasonData, long at) {
        long transitioned = newState.equals(state) ? stateTransitioned : at;
        return new Alarm(accountId, region, name, config, configUpdated, newState, reason, reasonData, at,
                transitioned, nextEval, version, suppressedBy, suppressedReason, actionDue, evaluationState);
    }

    public Alarm withSuppression(String by, String reason, Long due) {
        return new Alarm(accountId, region, name, config, configUpdated, state, stateReason, stateReasonData,
                stateUpdated, stateTransitioned, due != null ? due : (config.isComposite() ? null : nextEval), version,
                by, reason, due, evaluationState);
    }

    /** The same alarm and state with another configuration (PutMetricAlarm on an existing alarm keeps the state). */
    public Alarm withConfig(AlarmConfig c, long updated, Long next) {
        return new Alarm(accountId, region, name, c, updated, state, stateReason, stateReasonData, stateUpdated,
                stateTransitioned, next, version, suppressedBy, suppressedReason, actionDue, evaluationState);
    }

    public Alarm withVersion(long v) {
        return new Alarm(accountId, region, name, config, configUpdated, state, stateReason, stateReasonData,
                stateUpdated, stateTransitioned, nextEval, v, suppressedBy, suppressedReason, actionDue, evaluationState);
    }

    public Alarm withEvaluationState(String evaluation) {
        return new Alarm(accountId, region, name, config, configUpdated, state, stateReason, stateReasonData,
                stateUpdated, stateTransitioned, nextEval, version, suppressedBy, suppressedReason, actionDue, evaluation);
    }

    public Alarm withNextEval(Long next) {
        return new Alarm(accountId, region, name, config, configUpdated, state, stateReason, stateReasonData,
                stateUpdated, stateTransitioned, next, version, suppressedBy, suppressedReason, actionDue, evaluationState);
    }
}
