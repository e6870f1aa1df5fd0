using System.Runtime.InteropServices;

namespace GraphGuard.Learning.Xgboost;

public sealed partial class XgboostBooster
{
    /// <summary>
    /// The model as XGBoost's JSON (UTF-8 bytes): trees, parameters, feature names and attributes such as
    /// <see cref="BestIteration"/>. <see cref="LoadJson"/> reads it back.
    /// </summary>
    public byte[] SaveJson()
    {
        XgboostNative.Check(
            XgboostNative.XGBoosterSaveModelToBuffer(Handle, "{\"format\":\"json\"}", out ulong length, out nint bytes));
        var copy = new byte[checked((int)length)];
        Marshal.Copy(bytes, copy, 0, copy.Length);
        return copy;
    }

    /// <summary>
    /// Saves the model to a file in the format XGBoost picks from the extension: <c>.json</c> for JSON,
    /// <c>.ubj</c> for UBJSON (other extensions get XGBoost's deprecated binary format).
    /// </summary>
    public void SaveFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        XgboostNative.Check(XgboostNative.XGBoosterSaveModel(Handle, path));
    }
}
