using System.Diagnostics;
using System.Text.Json;
using GraphGuard.Api.Security;
using GraphGuard.Testing;
using Microsoft.AspNetCore.Routing;

namespace GraphGuard.Api.Tests;

/// <summary>
/// The OpenAPI document is valid by an independent validator (@readme/openapi-parser, run under node from
/// OpenApiCheck/, installed by scripts/setup.sh) and tells a generated client that keys are needed, and which scope.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private ServiceHost _host = null!;
    private string _document = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await ServiceHost.StartAsync("openapi");
        using var client = _host.Client();
        _document = await client.GetStringAsync("/openapi/v1.json");
    }

    [OneTimeTearDown]
    public Task StopAsync() => _host.DisposeAsync().AsTask();

    [Test]
    public async Task The_document_passes_a_third_party_OpenAPI_validator()
    {
        var folder = Path.Combine(TestDatabase.RepositoryRoot(), "tests", "GraphGuard.Api.Tests", "OpenApiCheck");
        Assert.That(Directory.Exists(Path.Combine(folder, "node_modules", "@readme", "openapi-parser")), Is.True, "run scripts/setup.sh: it installs the validator");
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, _document);
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", [Path.Combine(folder, "validate.mjs"), file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            })!;
            var output = await node.StandardOutput.ReadToEndAsync() + await node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            Assert.That(node.ExitCode, Is.Zero, output);
            Assert.That(output, Does.StartWith("valid"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void The_bearer_scheme_is_declared_and_each_keyed_operation_names_its_scope()
    {
        var document = JsonDocument.Parse(_document).RootElement;
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.That((scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()), Is.EqualTo(("http", "bearer")));

        string? Scope(string path, string method) =>
            document.GetProperty("paths").GetProperty(path).GetProperty(method).TryGetProperty("security", out var security)
                ? security[0].GetProperty("bearer")[0].GetString()
                : null;
        Assert.That(Scope("/v1/accounts/{id}/risk", "get"), Is.EqualTo("risk:read"));
        Assert.That(Scope("/v1/risk:batch", "post"), Is.EqualTo("risk:read"));
        Assert.That(Scope("/v1/risk/changes", "get"), Is.EqualTo("risk:read"));
        Assert.That(Scope("/v1/clusters", "get"), Is.EqualTo("clusters:read"));
        Assert.That(Scope("/v1/labels", "post"), Is.EqualTo("labels:write"));
        Assert.That(Scope("/healthz", "get"), Is.Null, "operations endpoints are open");
    }

    [Test]
    public void Every_operation_declares_the_scope_its_endpoint_requires_and_open_ones_declare_none()
    {
        var paths = JsonDocument.Parse(_document).RootElement.GetProperty("paths");
        var documented = _host.Endpoints.Where(e => paths.TryGetProperty(e.RoutePattern.RawText!, out _)).ToList();
        Assert.That(documented, Has.Count.GreaterThanOrEqualTo(10), "the endpoint table and the document name the same routes");
        Assert.Multiple(() =>
        {
            foreach (var endpoint in documented)
            {
                var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods[0].ToLowerInvariant();
                var operation = paths.GetProperty(endpoint.RoutePattern.RawText!).GetProperty(method);
                var required = endpoint.Metadata.GetMetadata<RequiredScope>() is { } r ? Scopes.Name(r.Scope) : null;
                var declared = operation.TryGetProperty("security", out var security)
                    ? security.EnumerateArray().Select(s => s.EnumerateObject().Single()).Select(p => $"{p.Name}:{p.Value[0].GetString()}").ToList()
                    : [];
                Assert.That(declared, Is.EqualTo(required is null ? [] : new[] { $"bearer:{required}", $"api_key:{required}" }),
                    $"{method} {endpoint.RoutePattern.RawText}");
            }
        });
    }
}
