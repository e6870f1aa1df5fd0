using System.CommandLine;
using GraphGuard.Api.Security;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard keys create|list|revoke</c>: API keys for the scoring service.</summary>
internal static class KeysCommand
{
    public static Command Create() => new("keys", "Manage the scoring service's API keys (stored hashed; a key is shown once, at creation)")
    {
        CreateKey(), List(), Revoke(),
    };

    private static Command CreateKey()
    {
        var name = new Option<string>("--name") { Description = "Who or what uses the key (unique; decisions are recorded under it)", Required = true };
        var scopes = new Option<string[]>("--scope")
        {
            Description = $"A scope to grant, repeatable: {string.Join(", ", Scopes.All)} (admin implies all)",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var rate = new Option<int>("--rate") { Description = "Requests per second this key may make", DefaultValueFactory = _ => 1000 };
        return CliAction.SetOnDatabase(new Command("create", "Create a key and print it once") { name, scopes, rate }, async (parse, dataSource, ct) =>
        {
            Console.WriteLine(await ApiKeyStore.CreateAsync(dataSource, parse.GetValue(name)!, parse.GetValue(scopes)!, parse.GetValue(rate), ct));
            Console.Error.WriteLine("graphguard: store this key now; it cannot be shown again");
            return 0;
        });
    }

    private static Command List()
    {
        var json = JsonOutput.Option();
        return CliAction.SetOnDatabase(new Command("list", "Every key: name, prefix, scopes, rate, created, revoked") { json }, async (parse, dataSource, ct) =>
        {
            var keys = await ApiKeyStore.ListAsync(dataSource, ct);
            return JsonOutput.Report(parse, json, keys, () => TableOutput.Write(keys, ["name", "prefix", "scopes", "rate/s", "created", "revoked"], k =>
                [Markup.Escape(k.Name), k.Prefix, Markup.Escape(string.Join(" ", k.Scopes)), k.RatePerSecond.ToString("N0"),
                    $"{k.CreatedAt:yyyy-MM-dd HH:mm}", k.RevokedAt is { } r ? $"{r:yyyy-MM-dd HH:mm}" : ""]));
        });
    }

    private static Command Revoke()
    {
        var name = new Argument<string>("NAME") { Description = "The key's name" };
        return CliAction.SetOnDatabase(new Command("revoke", "Revoke a key: running services refuse it within a moment") { name }, async (parse, dataSource, ct) =>
        {
            if (!await ApiKeyStore.RevokeAsync(dataSource, parse.GetValue(name)!, ct))
            {
                throw new ArgumentException($"there is no active key named '{parse.GetValue(name)}'");
            }
            Console.WriteLine($"revoked {parse.GetValue(name)}");
            return 0;
        });
    }
}
