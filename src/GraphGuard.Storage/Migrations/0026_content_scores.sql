-- The in-house text classifiers' scores: one per (content, policy), from the model version that wrote it.
-- Detectors and features read them beside upstream content_signals, as signal 'gg_<label>'.
create table content_scores (
    content_id    integer not null,            -- entities.id of kind content
    label         text collate "C" not null,   -- the policy the model scores (spam, harassment, ...)
    model_version text not null,
    score         real not null check (score between 0 and 1),
    primary key (label, content_id)
);
