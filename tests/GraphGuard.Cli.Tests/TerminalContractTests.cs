using System.CommandLine;
using GraphGuard.Terminal;

namespace GraphGuard.Cli.Tests;

/// <summary>The plumbing graphguard and graphguard-bench share (GraphGuard.Terminal): the --json switch and the exit-code contract.</summary>
[NonParallelizable]
public sealed class TerminalContractTests
{
    [TestCase(true, "{\n  \"run_id\": 7\n}")]
    [TestCase(false, "printed")]
    public void Report_writes_the_document_with_json_and_runs_the_printer_without(bool json, string expected)
    {
        var option = JsonOutput.Option();
        var parse = new RootCommand { option }.Parse(json ? ["--json"] : []);
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.That(JsonOutput.Report(parse, option, new { RunId = 7 }, () => Console.Out.Write("printed")), Is.Zero);
        }
        finally
        {
            Console.SetOut(previous);
        }
        Assert.That(output.ToString().ReplaceLineEndings("\n").Trim(), Is.EqualTo(expected));
    }

    [Test]
    public void A_failing_action_exits_1_with_its_cause_on_one_line()
    {
        var command = CliAction.Set(new RootCommand(), (_, _) => throw new ArgumentException("bad\ninput"));
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.That(command.Parse([]).Invoke(), Is.EqualTo(1));
        }
        finally
        {
            Console.SetError(previous);
        }
        Assert.That(error.ToString().Trim(), Is.EqualTo("graphguard: bad input"));
    }

    [Test]
    public void Every_json_option_is_the_shared_declaration()
    {
        var jsons = CommandTree.Walk(CommandTree.Build()).SelectMany(c => c.Command.Options).Where(o => o.Name == "--json").ToList();
        Assert.That(jsons, Is.Not.Empty);
        Assert.That(jsons.Select(o => o.Description), Is.All.EqualTo(JsonOutput.Option().Description));
    }
}
