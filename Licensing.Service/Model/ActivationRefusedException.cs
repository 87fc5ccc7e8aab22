namespace Platform.Licensing.Model;

/// <summary>The license does not allow the activation; <see cref="Code"/> is the stable code clients see.</summary>
public sealed class ActivationRefusedException(string code, string message) : InvalidOperationException(message)
{
    public string Code { get; } = code;
}
