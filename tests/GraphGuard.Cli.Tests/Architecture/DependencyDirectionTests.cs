namespace GraphGuard.Cli.Tests.Architecture;

/// <summary>
/// Dependencies point inward (docs/architecture.md): the application layer knows no host, the hosts' shared terminal
/// plumbing knows no use-case host, Storage knows nothing above it. Read from the compiled assemblies' references.
/// </summary>
public sealed class DependencyDirectionTests
{
    private static readonly string[] Hosts = ["graphguard", "graphguard-bench", "GraphGuard.Api", "GraphGuard.Jobs"];

    private static IEnumerable<TestCaseData> Rings()
    {
        yield return new TestCaseData("GraphGuard.Storage", Hosts.Concat(["GraphGuard.Workflows", "GraphGuard.Terminal", "Spectre.Console", "System.CommandLine"]).ToArray());
        yield return new TestCaseData("GraphGuard.Workflows", Hosts.Concat(["GraphGuard.Terminal", "Spectre.Console", "System.CommandLine", "Microsoft.AspNetCore"]).ToArray());
        yield return new TestCaseData("GraphGuard.Terminal", Hosts);
        yield return new TestCaseData("GraphGuard.Api", new[] { "graphguard", "graphguard-bench", "GraphGuard.Jobs", "GraphGuard.Terminal", "Spectre.Console", "System.CommandLine" });
    }

    [TestCaseSource(nameof(Rings))]
    public void References_nothing_outside_its_ring(string assembly, string[] outside)
    {
        var references = AssemblyText.References(AssemblyText.PathOf(assembly));
        Assert.That(references.Where(r => outside.Any(o => r == o || r.StartsWith(o + ".", StringComparison.Ordinal))), Is.Empty,
            $"{assembly} reaches outward; move what it needs inward or pass it in");
    }

    /// <summary>The check above can fail: the command line does reference the layers it sits on.</summary>
    [Test]
    public void Finds_the_references_the_command_line_has()
    {
        var references = AssemblyText.References(AssemblyText.PathOf("graphguard"));
        Assert.That(references, Is.SupersetOf(new[] { "GraphGuard.Terminal", "GraphGuard.Workflows", "GraphGuard.Storage", "System.CommandLine" }));
    }
}
