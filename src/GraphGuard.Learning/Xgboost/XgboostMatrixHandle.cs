using Microsoft.Win32.SafeHandles;

namespace GraphGuard.Learning.Xgboost;

/// <summary>Owns an XGBoost <c>DMatrixHandle</c>; freed once, however many times it is disposed.</summary>
internal sealed class XgboostMatrixHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public XgboostMatrixHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => XgboostNative.XGDMatrixFree(handle) == 0;
}
