using System.Diagnostics;
using System.Text;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Cli.Tests;

/// <summary>Crash safety: an ingest killed mid-way and run again ends exactly like one clean run.</summary>
public sealed class KillAndRerunTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void WriteWorld()
    {
        _dir = Directory.CreateTempSubdirectory("graphguard-kill-").FullName;
        var random = new Random(7);
        var accounts = new StringBuilder("account_id,created_at,country\n");
        for (var i = 0; i < 20_000; i++)
        {
            accounts.Append($"u{i},2025-{1 + i % 12:D2}-{1 + i % 28:D2}T00:00:00Z,{(i % 3 == 0 ? "US" : "BR")}\n");
        }
        File.WriteAllText(Path.Combine(_dir, "accounts.csv"), accounts.ToString());
        var events = new StringBuilder("event_id,ts,actor,action,target_type,target\n");
        string[] kinds = ["account", "device", "ip", "content"];
        for (var i = 0; i < 400_000; i++)
        {
            var kind = kinds[random.Next(kinds.Length)];
            var target = kind == "account" ? $"u{random.Next(30_000)}" : $"{kind[0]}{random.Next(50_000)}";
            events.Append($"ev{i},2026-03-{1 + random.Next(28):D2}T{random.Next(24):D2}:{random.Next(60):D2}:00Z,u{random.Next(30_000)},act_{(char)('a' + random.Next(12))},{kind},{target}\n");
            if (i % 10_000 == 0)
            {
                events.Append($"bad{i},not-a-time,u1,follow,account,u2\n");
            }
        }
        File.WriteAllText(Path.Combine(_dir, "events.csv"), events.ToString());
    }

    [OneTimeTearDown]
    public void DeleteWorld() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task An_ingest_killed_mid_way_and_rerun_equals_one_clean_run()
    {
        var clean = await TestDatabase.CreateAsync("kill_clean");
        var crashed = await TestDatabase.CreateAsync("kill_crashed");

        var cleanRun = await GraphGuardProcess.RunAsync(clean, "ingest", _dir, "--batch-rows", "20000");
        Assert.That(cleanRun.ExitCode, Is.Zero, cleanRun.Stderr);

        await using var crashedDb = NpgsqlDataSource.Create(crashed);
        using (var victim = Process.Start(GraphGuardProcess.StartInfo(crashed, "ingest", _dir, "--batch-rows", "20000"))!)
        {
            var victimErrors = victim.StandardError.ReadToEndAsync();
            _ = victim.StandardOutput.ReadToEndAsync();
            // Kill once some event batches have committed but well before the end.
            await Eventually.HoldsAsync(async () =>
            {
                if (victim.HasExited)
                {
                    Assert.Fail($"the ingest ended (exit {victim.ExitCode}) before it could be killed: {await victimErrors}");
                }
                return await TestDatabase.CountAsync(crashedDb, "select count(*) from events") >= 60_000;
            }, "some event batches to commit", TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(20));
            victim.Kill(entireProcessTree: true);
            await victim.WaitForExitAsync();
        }
        var partial = await TestDatabase.CountAsync(crashedDb, "select count(*) from events");
        Assert.That(partial, Is.LessThan(400_000), "the kill landed mid-way");

        var rerun = await GraphGuardProcess.RunAsync(crashed, "ingest", _dir, "--batch-rows", "20000");
        Assert.That(rerun.ExitCode, Is.Zero, rerun.Stderr);

        await using var cleanDb = NpgsqlDataSource.Create(clean);
        Assert.That(await TestDatabase.FingerprintAsync(crashedDb), Is.EqualTo(await TestDatabase.FingerprintAsync(cleanDb)));
        Assert.That(await TestDatabase.CountAsync(crashedDb, "select count(*) from ingest_runs where status = 'interrupted'"), Is.EqualTo(1));
        Assert.That(await TestDatabase.CountAsync(crashedDb, "select count(*) from ingest_runs where status = 'succeeded'"), Is.EqualTo(1));
    }
}
