namespace Platform.Licensing.Model;

/// <summary>A change the license's current status does not allow (answered 409 CONFLICT).</summary>
public sealed class LicenseStateException(string message) : InvalidOperationException(message);
