using GraphGuard.Core.Review;
using Npgsql;

namespace GraphGuard.Storage.Review;

/// <summary>Measures a run's precision from its random slice's decisions (<see cref="PrecisionEstimator"/>).</summary>
public static class RunPrecisionQuery
{
    /// <summary>Per band, and the what-if at each of <paramref name="thresholds"/> (when none, at each band's minimum above 0).</summary>
    public static async Task<RunPrecision> ReadAsync(NpgsqlDataSource dataSource, long runId, IReadOnlyList<double> thresholds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var bands = await PrecisionQueries.BandsAsync(dataSource, runId, ct).ConfigureAwait(false);
        var accounts = await PrecisionQueries.AccountsPerBandAsync(dataSource, runId, ct).ConfigureAwait(false);
        var outcomes = await PrecisionQueries.OutcomesAsync(dataSource, runId, ct).ConfigureAwait(false);
        double[] at = thresholds.Count > 0 ? [.. thresholds] : [.. bands.Select(b => b.Minimum).Where(m => m > 0)];
        var actioned = await PrecisionQueries.AccountsAtLeastAsync(dataSource, runId, at, ct).ConfigureAwait(false);
        return new RunPrecision(runId, PrecisionEstimator.PerBand(bands, accounts, outcomes),
            [.. at.Select((t, i) => PrecisionEstimator.WhatIf(t, actioned[i], outcomes))]);
    }
}
