using System.Buffers.Binary;
using System.IO.Compression;

namespace GraphGuard.Storage.Ingest;

/// <summary>
/// Decompresses a <c>.csv.gz</c> and proves it was whole. .NET's GZipStream reports a truncated file as a
/// clean end of data, so at the end we compare the bytes produced with the gzip trailer's ISIZE
/// (length mod 2^32): a cut-off file fails that check with near certainty. Files must be one gzip member,
/// as gzip and pigz write them.
/// </summary>
internal sealed class GzipIntegrityStream : Stream
{
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly uint _expectedSize;
    private readonly string _path;
    private long _produced;

    public GzipIntegrityStream(FileStream file)
    {
        _file = file;
        _path = file.Name;
        if (file.Length < 18)
        {
            throw new InvalidDataException($"{_path}: too short to be a gzip file ({file.Length} bytes)");
        }
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        file.Seek(0, SeekOrigin.Begin);
        _expectedSize = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        _gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _gzip.Read(buffer);
        _produced += read;
        if (read == 0 && buffer.Length > 0 && (uint)_produced != _expectedSize)
        {
            throw new InvalidDataException(
                $"{_path}: gzip data ends after {_produced} bytes but its trailer says {_expectedSize} (mod 2^32): the file is truncated or corrupt");
        }
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _produced; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _file.Dispose();
        }
        base.Dispose(disposing);
    }
}
