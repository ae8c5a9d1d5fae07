-- AWS's EvaluationState of a metric alarm (EVALUATION_ERROR while its metric query fails; NULL otherwise).
ALTER TABLE cw_alarms ADD COLUMN evaluation_state VARCHAR(32);
