using System.Globalization;
using System.Text;
using GraphGuard.Api.Security;
using GraphGuard.Api.Snapshot;

namespace GraphGuard.Api.Observability;

/// <summary>Renders the service's metrics in the Prometheus text exposition format (version 0.0.4).</summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(ServiceMetrics metrics, ServiceState state, ApiKeyCache keys, DateTime now)
    {
        var text = new StringBuilder();
        Header(text, "graphguard_http_requests_total", "counter", "Requests by route and status.");
        foreach (var route in metrics.Routes)
        {
            foreach (var (status, count) in route.Statuses())
            {
                Line(text, "graphguard_http_requests_total", $"route=\"{Escape(route.Route)}\",status=\"{status}\"", count);
            }
        }
        Header(text, "graphguard_http_request_duration_seconds", "histogram", "Time from routing to the response, by route.");
        foreach (var route in metrics.Routes)
        {
            var (cumulative, count, sum) = route.Histogram();
            if (count == 0)
            {
                continue;
            }
            var label = $"route=\"{Escape(route.Route)}\"";
            for (var i = 0; i < cumulative.Length; i++)
            {
                var le = i < RouteMetrics.Bounds.Length ? RouteMetrics.Bounds[i].ToString(CultureInfo.InvariantCulture) : "+Inf";
                Line(text, "graphguard_http_request_duration_seconds_bucket", $"{label},le=\"{le}\"", cumulative[i]);
            }
            Line(text, "graphguard_http_request_duration_seconds_sum", label, sum);
            Line(text, "graphguard_http_request_duration_seconds_count", label, count);
        }
        Header(text, "graphguard_auth_rejections_total", "counter", "Requests refused for their API key (401) or its scopes (403).");
        foreach (var (reason, count) in metrics.AuthRejections())
        {
            Line(text, "graphguard_auth_rejections_total", $"reason=\"{reason}\"", count);
        }
        Header(text, "graphguard_rate_limited_total", "counter", "Requests refused with 429 by a key's rate limit.");
        Line(text, "graphguard_rate_limited_total", null, metrics.RateLimitedCount);
        Header(text, "graphguard_api_keys", "gauge", "API keys held in memory, revoked ones included.");
        Line(text, "graphguard_api_keys", null, keys.Count);

        var run = state.Run;
        var graph = state.Graph;
        Header(text, "graphguard_graph_run_id", "gauge", "The run whose interaction graph answers neighbourhoods from memory (0: none; the events table answers).");
        Line(text, "graphguard_graph_run_id", null, graph?.RunId ?? 0);
        if (graph is not null)
        {
            Header(text, "graphguard_graph_bytes", "gauge", "Bytes held by the in-memory interaction graph.");
            Line(text, "graphguard_graph_bytes", null, graph.Graph.MemoryBytes);
            Header(text, "graphguard_graph_load_seconds", "gauge", "Seconds the interaction graph took to load.");
            Line(text, "graphguard_graph_load_seconds", null, graph.LoadTime.TotalSeconds);
        }
        Header(text, "graphguard_published_run_id", "gauge", "The pipeline run being served (0: none yet).");
        Line(text, "graphguard_published_run_id", null, run?.Head.RunId ?? 0);
        if (run is not null)
        {
            Header(text, "graphguard_published_run_age_seconds", "gauge", "Seconds since the served run was published.");
            Line(text, "graphguard_published_run_age_seconds", null, Math.Max(0, (now - run.Head.PublishedAt).TotalSeconds));
            Header(text, "graphguard_published_accounts", "gauge", "Accounts scored in the served run.");
            Line(text, "graphguard_published_accounts", null, run.AccountCount);
        }
        Header(text, "graphguard_pipeline_last_run_info", "gauge", "The latest run of each pipeline, with its status as a label (value 1).");
        foreach (var p in state.Pipelines)
        {
            Line(text, "graphguard_pipeline_last_run_info", $"pipeline=\"{Escape(p.Pipeline)}\",run_id=\"{p.RunId}\",status=\"{p.Status}\"", 1);
        }
        Header(text, "graphguard_pipeline_last_run_age_seconds", "gauge", "Seconds since each pipeline's latest run finished (or started, while running).");
        foreach (var p in state.Pipelines)
        {
            Line(text, "graphguard_pipeline_last_run_age_seconds", $"pipeline=\"{Escape(p.Pipeline)}\"", Math.Max(0, (now - p.UpdatedAt).TotalSeconds));
        }
        FeedbackMetricsText.Render(text, state.Feedback);
        return text.ToString();
    }

    internal static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append("\n# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    internal static void Line(StringBuilder text, string name, string? labels, double value)
    {
        text.Append(name);
        if (labels is not null)
        {
            text.Append('{').Append(labels).Append('}');
        }
        text.Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
    }

    internal static string Escape(string label) => label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
