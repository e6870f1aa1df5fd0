using System.Text;

namespace GraphGuard.Workflows.Export;

/// <summary>A file that appears whole or not at all: written beside its name and moved into place, so a failed export never leaves a half file under the name.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> (UTF-8, no BOM) with <paramref name="write"/>; on failure nothing is left behind.</summary>
    public static async Task<T> WriteAsync<T>(string path, Func<TextWriter, Task<T>> write)
    {
        var partial = path + ".partial";
        T result;
        await using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(false)))
        {
            try
            {
                result = await write(writer).ConfigureAwait(false);
            }
            catch
            {
                writer.Close();
                File.Delete(partial);
                throw;
            }
        }
        File.Move(partial, path, overwrite: true);
        return result;
    }
}
