namespace GraphGuard.Core.Interchange;

/// <summary>Why a string cannot be an id (<see cref="ExternalIds"/>), or <see cref="None"/>.</summary>
public enum IdFault
{
    None,
    Empty,
    TooLong,
    ControlCharacter,
}
