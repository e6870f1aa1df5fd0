-- How far each stored reason moved the account's score: its SHAP contribution to the log-odds of abuse, in the
-- order of risk_scores.reasons. The analyst workspace draws them as a chart; rows written before have none.
alter table risk_scores add column reason_contributions real[] not null default '{}';
