using System.Text;

namespace GraphGuard.Learning.Sage;

public sealed partial class SageModel
{
    private static ReadOnlySpan<byte> Magic => "GGSAGE"u8;

    private const int FormatVersion = 1;

    /// <summary>
    /// Writes the model in a small binary format: "GGSAGE", version, feature count, relation names, layer
    /// widths, flags, then the parameters as little-endian floats. The stream stays open.
    /// </summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(_architecture.FeatureCount);
        writer.Write(_architecture.RelationCount);
        foreach (var name in _architecture.RelationNames)
        {
            writer.Write(name);
        }
        writer.Write(_architecture.LayerCount);
        foreach (var width in _architecture.LayerDims)
        {
            writer.Write(width);
        }
        writer.Write(_architecture.NormalizeEmbeddings);
        writer.Write(_architecture.HasClassifier);
        writer.Write(_parameters.Length);
        foreach (var value in _parameters)
        {
            writer.Write(value);
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>. The stream stays open.</summary>
    /// <exception cref="InvalidDataException">The stream does not hold a model in this format.</exception>
    public static SageModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException("not a GraphSAGE model (bad magic)");
            }
            var version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"GraphSAGE model format {version} is not supported (this build reads {FormatVersion})");
            }
            var featureCount = NonNegative(reader.ReadInt32(), "feature count");
            var names = new string[NonNegative(reader.ReadInt32(), "relation count")];
            for (var r = 0; r < names.Length; r++)
            {
                names[r] = reader.ReadString();
            }
            var widths = new int[NonNegative(reader.ReadInt32(), "layer count")];
            for (var l = 0; l < widths.Length; l++)
            {
                widths[l] = NonNegative(reader.ReadInt32(), "layer width");
            }
            var architecture = new SageArchitecture(featureCount, names, widths, reader.ReadBoolean(), reader.ReadBoolean());
            var count = reader.ReadInt32();
            if (widths.Length == 0 || count != new SageParameterLayout(architecture).Count)
            {
                throw new InvalidDataException($"{count} parameters do not fit the stored architecture");
            }
            var parameters = new float[count];
            for (var i = 0; i < count; i++)
            {
                parameters[i] = reader.ReadSingle();
            }
            return new SageModel(architecture, parameters, []);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("the GraphSAGE model is truncated", e);
        }
    }

    private static int NonNegative(int value, string what) =>
        value >= 0 ? value : throw new InvalidDataException($"negative {what} {value}");
}
