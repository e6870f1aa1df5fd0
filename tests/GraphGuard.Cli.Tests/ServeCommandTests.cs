using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GraphGuard.Testing;

namespace GraphGuard.Cli.Tests;

/// <summary><c>graphguard keys</c> and <c>graphguard serve</c> as real processes.</summary>
public sealed class ServeCommandTests
{
    [Test]
    public async Task Keys_are_created_once_listed_without_secrets_and_revoked()
    {
        var connection = await TestDatabase.CreateAsync("cli_keys");
        var key = (await GraphGuardProcess.SucceedAsync(connection, "keys", "create", "--name", "ci", "--scope", "risk:read", "--scope", "labels:write", "--rate", "5")).Trim();
        Assert.That(key, Does.Match("^gg_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$"));

        using var list = JsonDocument.Parse(await GraphGuardProcess.SucceedAsync(connection, "keys", "list", "--json"));
        var listed = list.RootElement.EnumerateArray().Single();
        Assert.That(listed.GetProperty("name").GetString(), Is.EqualTo("ci"));
        Assert.That(listed.GetProperty("prefix").GetString(), Is.EqualTo(key[3..11]));
        Assert.That(listed.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "risk:read", "labels:write" }));
        Assert.That(list.RootElement.GetRawText(), Does.Not.Contain(key[12..]), "the secret is never shown again");

        var (duplicate, _, duplicateError) = await GraphGuardProcess.RunAsync(connection, "keys", "create", "--name", "ci", "--scope", "admin");
        Assert.That(duplicate, Is.EqualTo(1));
        Assert.That(duplicateError, Does.Contain("exists already"));
        var (badScope, _, badScopeError) = await GraphGuardProcess.RunAsync(connection, "keys", "create", "--name", "x", "--scope", "everything");
        Assert.That(badScope, Is.EqualTo(1));
        Assert.That(badScopeError, Does.Contain("unknown scope 'everything'"));

        await GraphGuardProcess.SucceedAsync(connection, "keys", "revoke", "ci");
        var (again, _, againError) = await GraphGuardProcess.RunAsync(connection, "keys", "revoke", "ci");
        Assert.That(again, Is.EqualTo(1));
        Assert.That(againError, Does.Contain("no active key named 'ci'"));
    }

    [Test]
    public async Task Serve_answers_on_loopback_and_is_not_ready_before_a_publication()
    {
        var connection = await TestDatabase.CreateAsync("cli_serve");
        var key = (await GraphGuardProcess.SucceedAsync(connection, "keys", "create", "--name", "ci", "--scope", "risk:read")).Trim();
        using var serve = await ServeProcess.StartAsync(connection);
        var client = serve.Client;
        Assert.That((await client.GetAsync("/readyz")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That((await client.GetAsync("/v1/accounts/a/risk")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.That((await client.GetAsync("/v1/accounts/a/risk")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task Serve_refuses_to_listen_beyond_loopback()
    {
        var (code, _, stderr) = await GraphGuardProcess.RunAsync(await TestDatabase.CreateAsync("cli_serve_any"), "serve", "--urls", "http://0.0.0.0:8080");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("only on http://127.0.0.1"));
    }
}
