using Microsoft.Win32.SafeHandles;

namespace GraphGuard.Learning.Xgboost;

/// <summary>Owns an XGBoost <c>BoosterHandle</c>; freed once, however many times it is disposed.</summary>
internal sealed class XgboostBoosterHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public XgboostBoosterHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => XgboostNative.XGBoosterFree(handle) == 0;
}
