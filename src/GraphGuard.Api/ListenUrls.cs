namespace GraphGuard.Api;

/// <summary>Checks <c>--urls</c>: the service answers on the loopback interface only.</summary>
internal static class ListenUrls
{
    public static string[] Parse(string urls)
    {
        var list = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (list.Length == 0)
        {
            throw new ArgumentException("--urls names no address (expected e.g. http://127.0.0.1:8080)");
        }
        foreach (var url in list)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "http" || uri.Host != "127.0.0.1" || uri.AbsolutePath != "/")
            {
                throw new ArgumentException($"--urls '{url}': the service listens only on http://127.0.0.1:<port>");
            }
        }
        return list;
    }
}
