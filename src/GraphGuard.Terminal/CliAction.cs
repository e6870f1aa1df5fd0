using System.CommandLine;
using GraphGuard.Storage.Database;
using GraphGuard.Workflows;
using Npgsql;

namespace GraphGuard.Terminal;

/// <summary>
/// Runs a command's body with the CLI's contract: exit 0 on success, non-zero with a one-line cause on
/// stderr on failure (the stack trace only with GRAPHGUARD_DEBUG=1), 130 when interrupted.
/// </summary>
public static class CliAction
{
    /// <summary>Sets <paramref name="body"/> as the action of <paramref name="command"/>, and returns the command.</summary>
    public static Command Set(Command command, Func<ParseResult, CancellationToken, Task<int>> body)
    {
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                return await body(parse, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Console.Error.WriteLine("graphguard: interrupted");
                return 130;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"graphguard: {Describe(e)}");
                if (Environment.GetEnvironmentVariable("GRAPHGUARD_DEBUG") == "1")
                {
                    Console.Error.WriteLine(e);
                }
                return 1;
            }
        });
        return command;
    }

    /// <summary>As <see cref="Set"/>, with the configured database opened and migrated first, as every data command needs.</summary>
    public static Command SetOnDatabase(Command command, Func<ParseResult, NpgsqlDataSource, CancellationToken, Task<int>> body) =>
        Set(command, async (parse, ct) =>
        {
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            return await body(parse, dataSource, ct);
        });

    private static string Describe(Exception e) => e switch
    {
        PostgresException pg => $"PostgreSQL error {pg.SqlState}: {pg.MessageText}",
        DatabaseSetupException or IOException or InvalidDataException or ArgumentException or NpgsqlException => OneLine(e.Message),
        _ => $"{e.GetType().Name}: {OneLine(e.Message)}",
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
