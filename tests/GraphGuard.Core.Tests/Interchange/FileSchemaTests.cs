using System.Text;
using GraphGuard.Core.Interchange;

namespace GraphGuard.Core.Tests.Interchange;

public sealed class FileSchemaTests
{
    private static CsvRecord Header(string line)
    {
        var reader = new CsvRecordReader(new MemoryStream(Encoding.UTF8.GetBytes(line + "\n")));
        Assert.That(reader.TryRead(out var record), Is.True);
        return record!;
    }

    [Test]
    public void Columns_may_come_in_any_order_with_features()
    {
        var layout = FileSchema.Accounts.Bind(Header("f_age,created_at,account_id,country"), out var error);
        Assert.That(error, Is.Null);
        Assert.That(layout!.IndexOf("account_id"), Is.EqualTo(2));
        Assert.That(layout.Features, Is.EqualTo(new[] { ("age", 0) }));
    }

    [TestCase("event_id,ts,actor,action,target_type", "missing required column 'target'")]
    [TestCase("event_id,ts,actor,action,target_type,target,extra", "unknown column 'extra'")]
    [TestCase("event_id,ts,ts,actor,action,target_type,target", "column 'ts' appears twice")]
    public void Unusable_event_headers_name_the_column(string header, string expected)
    {
        Assert.That(FileSchema.Events.Bind(Header(header), out var error), Is.Null);
        Assert.That(error, Does.StartWith(expected));
    }

    [Test]
    public void Feature_names_must_be_lowercase_words() =>
        Assert.That(FileSchema.Accounts.Bind(Header("account_id,created_at,f_Bad-Name"), out _), Is.Null);
}
