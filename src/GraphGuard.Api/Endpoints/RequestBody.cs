using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace GraphGuard.Api.Endpoints;

/// <summary>Reads a request body whole, up to a limit: a larger body is 413 on every endpoint, told by Content-Length or found while reading.</summary>
internal static class RequestBody
{
    /// <summary>The body, or null once a 413 has been written. The caller advances the reader past the buffer.</summary>
    public static async Task<ReadResult?> ReadAsync(HttpContext context, long maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            await TooLargeAsync(context, maxBytes).ConfigureAwait(false);
            return null;
        }
        var body = context.Request.BodyReader;
        while (true)
        {
            var read = await body.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            if (read.Buffer.Length > maxBytes)
            {
                body.AdvanceTo(read.Buffer.End);
                await TooLargeAsync(context, maxBytes).ConfigureAwait(false);
                return null;
            }
            if (read.IsCompleted)
            {
                return read;
            }
            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    public static Task TooLargeAsync(HttpContext context, long maxBytes) =>
        Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
            maxBytes >= 1 << 20 ? $"the body is over {maxBytes >> 20} MiB" : $"the body is over {maxBytes >> 10} KiB");
}
