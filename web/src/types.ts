// The shapes the workspace API returns (snake_case, as the service writes them).
export interface GraphNode { id: number; kind: string; label: string; score: number | null; band: string | null; }
export interface GraphEdge { source: number; target: number; action: string; count: number; }
export interface GraphData { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean; }
export interface QueueRow {
  id: number; score: number; size: number; core_size: number; detectors: string[]; trend: string; previous_size: number | null;
  decided: boolean; headline: string; first_activity: string | null; last_activity: string | null;
}
export interface Queue { run_id: number; previous_run_id: number | null; total: number; detectors: string[]; clusters: QueueRow[]; }
export interface Evidence { kind: string; numbers: unknown; examples: string[]; sentence: string; }
export interface Member {
  account_id: string; role: string; score: number | null; band: string | null; age_days: number | null;
  events: number; targets: number; shared_targets: number; reasons: string[]; key_feature_values: (number | null)[];
}
export interface KeyFeature { name: string; members_median: number; population_rank: number; }
export interface ClusterPage { cluster: QueueRow; evidence: Evidence[]; key_features: KeyFeature[]; members: Member[]; members_truncated: boolean; }
export interface Activity { cluster_id: number; from: string; to: string; accounts: string[]; targets: GraphNode[]; points: [number, number, number][]; truncated: boolean; }
export interface Pivot { entity: GraphNode; total: number; truncated: boolean; accounts: { account_id: string; score: number | null; band: string | null; events: number; first: string; last: string; actions: string[] }[]; }
export interface Decision {
  batch_id: number; label: string; reason: string; author: string; decided_at: string; cluster_id: number | null; accounts: number; first_account: string;
  run_id: number | null; model_version: string | null; reasons_shown: string[]; undone_at: string | null; undone_by: string | null;
}
export interface AccountPage {
  account_id: string; id: number; score: number | null; band: string | null; margin: number | null; reasons: string[]; reason_contributions: number[]; age_days: number | null;
  country: string | null; run_id: number; model_version: string; clusters: { id: number; role: string; score: number; detectors: string[] }[];
  recent_events: { at: string; direction: string; action: string; other: GraphNode }[];
  labels: { label: string; source: string; at: string | null }[]; decisions: Decision[];
}
export interface Neighborhood { account_id: string; hops: number; relations: string[]; graph: GraphData; }
export interface Paths { from: string; to: string; paths: { cost: number; nodes: number[] }[]; explored: number; graph: GraphData; }
export interface Preview { accounts: number; already_decided: number; sample: string[]; }
export interface ReviewItem {
  position: number; account_id: string; cluster_id: number | null; cluster_size: number | null; kind: 'uncertain' | 'random'; band: string; score: number;
  inclusion: number; why: string; decision: string | null; decided_by: string | null; decided_at: string | null;
}
export interface ReviewQueue { run_id: number; total: number; decided: number; items: ReviewItem[]; }
export interface Precision {
  run_id: number;
  bands: { band: string; minimum: number; accounts: number; decided: number; abusive: number; precision: number | null; lower: number; upper: number }[];
  what_if: { threshold: number; actioned: number; decided: number; precision: number | null; lower: number; upper: number }[];
}
export interface Health {
  run_id: number;
  drift: null | {
    run_id: number; reference_run_id: number | null; reference_rows: number | null; clusters: number; mean_cluster_size: number;
    reference_clusters: number | null; reference_mean_cluster_size: number | null; labels_since_reference: number; queue_items: number; queue_decided: number;
    measures: { variable: string; psi: number; level: string; moderate_at: number | null; shift_at: number | null }[];
  };
}
export interface ModelRelease {
  run_id: number; challenger: string; champion: string | null; released: boolean; reason: string; labels: number;
  challenger_auprc: number | null; champion_auprc: number | null; challenger_precision: number | null; champion_precision: number | null;
  tolerance: number; decided_at: string;
}
export interface SetMetrics { positives: number; negatives: number; auroc: number; auprc: number; }
export interface ModelSummary { accounts?: number; labeled_abusive?: number; labeled_benign?: number; held_out?: SetMetrics; rounds_run?: number; calibration?: string; }
export interface RegisteredModel { version: string; run_id: number | null; created_at: string; serving: boolean; release: ModelRelease | null; summary: ModelSummary; card: string | null; }
export interface ModelRegistry { serving: string | null; models: RegisteredModel[]; }
