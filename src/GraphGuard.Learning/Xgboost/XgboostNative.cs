using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GraphGuard.Learning.Xgboost;

/// <summary>
/// The XGBoost 1.7 C API (include/xgboost/c_api.h), only the calls the binding uses. Every call returns 0 on
/// success and -1 on failure; <see cref="Check"/> turns a failure into an <see cref="XgboostException"/>.
/// </summary>
internal static partial class XgboostNative
{
    private const string Library = "xgboost";

    // Debian's libxgboost0 ships only the versioned name (no -dev symlink), which .NET's probing does not try.
    private static readonly string[] LibraryFiles = ["libxgboost.so.0", "libxgboost.so", "xgboost"];

    // .NET allows one resolver per assembly: another native library in Learning (a CUDA backend) must be
    // resolved in this one too, or the two registrations collide.
    static XgboostNative() => NativeLibrary.SetDllImportResolver(typeof(XgboostNative).Assembly, Resolve);

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return 0;
        }

        foreach (string file in LibraryFiles)
        {
            if (NativeLibrary.TryLoad(file, assembly, searchPath, out nint handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException(
            "XGBoost's shared library was not found (tried " + string.Join(", ", LibraryFiles) +
            "); on Debian install it with `apt-get install libxgboost0`.");
    }

    /// <summary>Throws with XGBoost's own message when a call failed; names the call from its expression.</summary>
    public static void Check(int status, [CallerArgumentExpression(nameof(status))] string call = "")
    {
        if (status == 0)
        {
            return;
        }

        string function = call.Split('(')[0];
        function = function[(function.LastIndexOf('.') + 1)..];
        throw new XgboostException($"{function} failed: {LastError()}");
    }

    /// <summary>Checks a call that reports a count and returns the count as an <see cref="int"/>.</summary>
    public static int Count(int status, ulong count, [CallerArgumentExpression(nameof(status))] string call = "")
    {
        Check(status, call);
        return checked((int)count);
    }

    /// <summary>Checks a call that reports an array of C strings and copies them (XGBoost owns the array).</summary>
    public static string[] Strings(
        int status, nint array, ulong count, [CallerArgumentExpression(nameof(status))] string call = "")
    {
        Check(status, call);
        return ReadStrings(array, count);
    }

    public static string LastError() => Marshal.PtrToStringUTF8(XGBGetLastError()) ?? "(no message)";

    // XGBoost's array stays valid only until the next call on the same handle.
    private static unsafe string[] ReadStrings(nint array, ulong count)
    {
        var strings = new string[checked((int)count)];
        var pointers = (nint*)array;
        for (int i = 0; i < strings.Length; i++)
        {
            strings[i] = Marshal.PtrToStringUTF8(pointers[i]) ?? "";
        }

        return strings;
    }

    [LibraryImport(Library)]
    public static partial void XGBoostVersion(out int major, out int minor, out int patch);

    [LibraryImport(Library)]
    private static partial nint XGBGetLastError();

    [LibraryImport(Library)]
    public static unsafe partial int XGDMatrixCreateFromMat_omp(
        float* data, ulong rows, ulong columns, float missing, out XgboostMatrixHandle matrix, int threads);

    [LibraryImport(Library)]
    public static partial int XGDMatrixFree(nint matrix);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int XGDMatrixSetFloatInfo(
        XgboostMatrixHandle matrix, string field, float* values, ulong length);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGDMatrixGetFloatInfo(
        XgboostMatrixHandle matrix, string field, out ulong length, out nint values);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGDMatrixSetStrFeatureInfo(
        XgboostMatrixHandle matrix, string field, string[] values, ulong count);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGDMatrixGetStrFeatureInfo(
        XgboostMatrixHandle matrix, string field, out ulong count, out nint values);

    [LibraryImport(Library)]
    public static partial int XGDMatrixNumRow(XgboostMatrixHandle matrix, out ulong rows);

    [LibraryImport(Library)]
    public static partial int XGDMatrixNumCol(XgboostMatrixHandle matrix, out ulong columns);

    [LibraryImport(Library)]
    public static partial int XGDMatrixNumNonMissing(XgboostMatrixHandle matrix, out ulong count);

    [LibraryImport(Library)]
    public static unsafe partial int XGBoosterCreate(nint* matrices, ulong count, out XgboostBoosterHandle booster);

    [LibraryImport(Library)]
    public static partial int XGBoosterFree(nint booster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterSetParam(XgboostBoosterHandle booster, string name, string value);

    [LibraryImport(Library)]
    public static partial int XGBoosterUpdateOneIter(
        XgboostBoosterHandle booster, int iteration, XgboostMatrixHandle train);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int XGBoosterEvalOneIter(
        XgboostBoosterHandle booster, int iteration, nint* matrices, string[] names, ulong count, out nint result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterPredictFromDMatrix(
        XgboostBoosterHandle booster, XgboostMatrixHandle matrix, string config,
        out nint shape, out ulong dimensions, out nint result);

    [LibraryImport(Library)]
    public static partial int XGBoosterBoostedRounds(XgboostBoosterHandle booster, out int rounds);

    [LibraryImport(Library)]
    public static partial int XGBoosterGetNumFeature(XgboostBoosterHandle booster, out ulong count);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterSetAttr(XgboostBoosterHandle booster, string key, string value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterGetAttr(
        XgboostBoosterHandle booster, string key, out nint value, out int found);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterSetStrFeatureInfo(
        XgboostBoosterHandle booster, string field, string[] values, ulong count);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterGetStrFeatureInfo(
        XgboostBoosterHandle booster, string field, out ulong count, out nint values);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterSaveModelToBuffer(
        XgboostBoosterHandle booster, string config, out ulong length, out nint bytes);

    [LibraryImport(Library)]
    public static unsafe partial int XGBoosterLoadModelFromBuffer(
        XgboostBoosterHandle booster, byte* bytes, ulong length);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterSaveModel(XgboostBoosterHandle booster, string path);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterLoadModel(XgboostBoosterHandle booster, string path);
}
