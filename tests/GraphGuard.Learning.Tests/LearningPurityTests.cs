namespace GraphGuard.Learning.Tests;

/// <summary>Learning is pure computation: it must not reach for the database, the web or the network.</summary>
public sealed class LearningPurityTests
{
    [TestCase("Npgsql")]
    [TestCase("Microsoft.AspNetCore")]
    [TestCase("System.Net.Http")]
    [TestCase("System.Net.Sockets")]
    [TestCase("Hangfire")]
    public void Learning_does_not_reference(string forbidden)
    {
        var references = typeof(LearningAssembly).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");
        Assert.That(references, Has.None.StartsWith(forbidden));
    }
}
