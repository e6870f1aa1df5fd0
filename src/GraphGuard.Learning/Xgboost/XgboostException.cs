namespace GraphGuard.Learning.Xgboost;

/// <summary>A call into XGBoost failed; the message carries XGBoost's own error text.</summary>
public sealed class XgboostException : Exception
{
    /// <summary>Creates the exception with XGBoost's message.</summary>
    public XgboostException(string message)
        : base(message)
    {
    }
}
