using GraphGuard.Workflows.Export;

namespace GraphGuard.Workflows.Tests.Export;

/// <summary>Exports appear whole or not at all.</summary>
public sealed class AtomicFileTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("gg-atomic-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Writes_the_file_under_its_name_and_returns_the_writers_result()
    {
        var path = Path.Combine(_dir, "scores.csv");
        await File.WriteAllTextAsync(path, "an older export");
        var rows = await AtomicFile.WriteAsync(path, async writer =>
        {
            await writer.WriteLineAsync("a,b");
            return 1;
        });
        Assert.Multiple(() =>
        {
            Assert.That(rows, Is.EqualTo(1));
            Assert.That(File.ReadAllText(path), Is.EqualTo("a,b" + Environment.NewLine));
            Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task A_failed_write_leaves_the_old_file_and_no_partial_one()
    {
        var path = Path.Combine(_dir, "scores.csv");
        await File.WriteAllTextAsync(path, "an older export");
        Assert.ThrowsAsync<InvalidDataException>(() => AtomicFile.WriteAsync<int>(path, async writer =>
        {
            await writer.WriteLineAsync("half a file");
            throw new InvalidDataException("the store went away");
        }));
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("an older export"));
            Assert.That(Directory.GetFiles(_dir), Is.EqualTo(new[] { path }));
        });
    }
}
