using System.Globalization;
using System.Text;
using GraphGuard.Api.Snapshot;

namespace GraphGuard.Api.Observability;

/// <summary>The feedback loop's part of <c>/metrics</c>: measured precision per band, the enforcement what-if, the review queue's progress and drift.</summary>
internal static class FeedbackMetricsText
{
    public static void Render(StringBuilder text, FeedbackSnapshot? feedback)
    {
        var bands = feedback?.Precision.Bands ?? [];
        PrometheusText.Header(text, "graphguard_band_accounts", "gauge", "Accounts the published run put in each band.");
        foreach (var b in bands)
        {
            PrometheusText.Line(text, "graphguard_band_accounts", Band(b.Band), b.Accounts);
        }
        PrometheusText.Header(text, "graphguard_band_precision_decisions", "gauge", "Decided (abusive or benign) accounts of each band's random review sample.");
        foreach (var b in bands)
        {
            PrometheusText.Line(text, "graphguard_band_precision_decisions", Band(b.Band), b.Decided);
        }
        PrometheusText.Header(text, "graphguard_band_precision", "gauge", "Each band's precision measured on its random review sample (abusive / decided); absent before a decision.");
        PrometheusText.Header(text, "graphguard_band_precision_lower", "gauge", "Lower end of the 95% Wilson interval of each band's precision.");
        PrometheusText.Header(text, "graphguard_band_precision_upper", "gauge", "Upper end of the 95% Wilson interval of each band's precision.");
        foreach (var b in bands.Where(b => b.Precision is not null))
        {
            PrometheusText.Line(text, "graphguard_band_precision", Band(b.Band), b.Precision!.Value);
            PrometheusText.Line(text, "graphguard_band_precision_lower", Band(b.Band), b.Lower);
            PrometheusText.Line(text, "graphguard_band_precision_upper", Band(b.Band), b.Upper);
        }
        var whatIf = feedback?.Precision.WhatIf ?? [];
        PrometheusText.Header(text, "graphguard_enforcement_actioned_accounts", "gauge", "Accounts enforcement would action at each band's threshold.");
        foreach (var w in whatIf)
        {
            PrometheusText.Line(text, "graphguard_enforcement_actioned_accounts", Threshold(w.Threshold), w.Actioned);
        }
        PrometheusText.Header(text, "graphguard_enforcement_expected_precision", "gauge", "Expected precision of actioning every account at or above each band's threshold (weighted random review sample).");
        foreach (var w in whatIf.Where(w => w.Precision is not null))
        {
            PrometheusText.Line(text, "graphguard_enforcement_expected_precision", Threshold(w.Threshold), w.Precision!.Value);
        }
        PrometheusText.Header(text, "graphguard_review_queue_items", "gauge", "Items in the published run's review queue.");
        PrometheusText.Line(text, "graphguard_review_queue_items", null, feedback?.QueueItems ?? 0);
        PrometheusText.Header(text, "graphguard_review_queue_decided", "gauge", "Items of the published run's review queue with a standing decision.");
        PrometheusText.Line(text, "graphguard_review_queue_decided", null, feedback?.QueueDecided ?? 0);
        PrometheusText.Header(text, "graphguard_review_queue_decided_ratio", "gauge", "Share of the published run's review queue decided (0 for an empty queue).");
        PrometheusText.Line(text, "graphguard_review_queue_decided_ratio", null, feedback is { QueueItems: > 0 } f ? (double)f.QueueDecided / f.QueueItems : 0);

        var drift = feedback?.Drift;
        PrometheusText.Header(text, "graphguard_drift_psi", "gauge", "Population stability index of each model input and of the scores (variable=\"score\") against the reference run; 0.1 look, 0.25 act (see the _threshold gauges for small windows).");
        foreach (var m in drift?.Measures ?? [])
        {
            PrometheusText.Line(text, "graphguard_drift_psi", $"variable=\"{PrometheusText.Escape(m.Variable)}\"", m.Psi);
        }
        // The thresholds each variable was judged by: 0.1 and 0.25, or bootstrapped ones when a window has under 1,000 rows.
        PrometheusText.Header(text, "graphguard_drift_psi_moderate_threshold", "gauge", "PSI from which each variable's drift is moderate: 0.1, or a bootstrapped threshold for a window under 1,000 rows.");
        foreach (var m in drift?.Measures.Where(m => m.ModerateAt is not null) ?? [])
        {
            PrometheusText.Line(text, "graphguard_drift_psi_moderate_threshold", $"variable=\"{PrometheusText.Escape(m.Variable)}\"", m.ModerateAt!.Value);
        }
        PrometheusText.Header(text, "graphguard_drift_psi_shift_threshold", "gauge", "PSI above which each variable shifted: 0.25, or a bootstrapped threshold for a window under 1,000 rows.");
        foreach (var m in drift?.Measures.Where(m => m.ShiftAt is not null) ?? [])
        {
            PrometheusText.Line(text, "graphguard_drift_psi_shift_threshold", $"variable=\"{PrometheusText.Escape(m.Variable)}\"", m.ShiftAt!.Value);
        }
        PrometheusText.Header(text, "graphguard_drift_reference_run_id", "gauge", "The run the published run's drift is measured against (0: none).");
        PrometheusText.Line(text, "graphguard_drift_reference_run_id", null, drift?.ReferenceRunId ?? 0);
        PrometheusText.Header(text, "graphguard_clusters", "gauge", "Clusters in the published run, and (run=\"reference\") in its reference run.");
        PrometheusText.Header(text, "graphguard_mean_cluster_size", "gauge", "Mean cluster size in the published run, and (run=\"reference\") in its reference run.");
        PrometheusText.Header(text, "graphguard_labels_since_reference", "gauge", "Analysts' labels that arrived since the reference run started.");
        if (drift is not null)
        {
            PrometheusText.Line(text, "graphguard_clusters", "run=\"published\"", drift.Clusters);
            PrometheusText.Line(text, "graphguard_mean_cluster_size", "run=\"published\"", drift.MeanClusterSize);
            if (drift.ReferenceClusters is { } clusters)
            {
                PrometheusText.Line(text, "graphguard_clusters", "run=\"reference\"", clusters);
                PrometheusText.Line(text, "graphguard_mean_cluster_size", "run=\"reference\"", drift.ReferenceMeanClusterSize ?? 0);
            }
            PrometheusText.Line(text, "graphguard_labels_since_reference", null, drift.LabelsSinceReference);
        }
    }

    private static string Band(string band) => $"band=\"{PrometheusText.Escape(band)}\"";

    private static string Threshold(double threshold) => $"threshold=\"{threshold.ToString("0.###", CultureInfo.InvariantCulture)}\"";
}
