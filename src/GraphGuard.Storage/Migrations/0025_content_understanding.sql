-- Format v1.1: a post's perceptual media hash (64 bits, stored as the signed bigint of the same bits) and
-- reviewers' verdicts on content, kept as a history like account labels.
alter table content add column media_hash bigint;

create table content_labels (
    content_id integer not null,                -- entities.id of kind content
    label      text collate "C" not null,       -- the policy broken (spam, harassment, ...) or 'ok'
    source     text not null,
    ts         timestamptz,
    unique nulls not distinct (content_id, label, source, ts)
);
create index content_labels_label on content_labels (label);
