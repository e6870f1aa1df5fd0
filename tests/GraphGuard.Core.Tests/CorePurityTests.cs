namespace GraphGuard.Core.Tests;

/// <summary>Core is pure computation: it must not reach for the database, the web or the network.</summary>
public sealed class CorePurityTests
{
    [TestCase("Npgsql")]
    [TestCase("Microsoft.AspNetCore")]
    [TestCase("System.Net.Http")]
    [TestCase("System.Net.Sockets")]
    [TestCase("Hangfire")]
    public void Core_does_not_reference(string forbidden)
    {
        var references = typeof(GraphGuard.Core.Domain.EntityKind).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");
        Assert.That(references, Has.None.StartsWith(forbidden));
    }
}
