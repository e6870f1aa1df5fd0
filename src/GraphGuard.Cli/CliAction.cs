using System.CommandLine;
using GraphGuard.Storage.Database;
using Npgsql;

namespace GraphGuard.Cli;

/// <summary>
/// Runs a command's body with the CLI's contract: exit 0 on success, non-zero with a one-line cause on
/// stderr on failure (the stack trace only with GRAPHGUARD_DEBUG=1), 130 when interrupted.
/// </summary>
internal static class CliAction
{
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> body) =>
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

    private static string Describe(Exception e) => e switch
    {
        PostgresException pg => $"PostgreSQL error {pg.SqlState}: {pg.MessageText}",
        DatabaseSetupException or IOException or InvalidDataException or ArgumentException or NpgsqlException => OneLine(e.Message),
        _ => $"{e.GetType().Name}: {OneLine(e.Message)}",
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
