namespace GraphGuard.Storage.Migrations;

/// <summary>One numbered schema change, embedded as <c>Migrations/NNNN_name.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql);
