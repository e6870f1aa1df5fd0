-- Drift thresholds (issue 15): each measure keeps the PSI thresholds it was judged by, 0.1 and 0.25 for windows of at
-- least 1,000 rows, bootstrapped ones for smaller windows (null for measures taken before).
alter table drift_measures add column moderate_at double precision, add column shift_at double precision;
