namespace Platform.Licensing.Model;

/// <summary>Where a new license comes from, which decides the defaults it may rely on.</summary>
public enum LicenseOrigin
{
    /// <summary>Created through the API by the vendor.</summary>
    Api,

    /// <summary>Brought from another system with its key and status (an expiry in the past is kept).</summary>
    Import,

    /// <summary>Created by Billing for a payment: perpetual unless it says otherwise, a subscription with the paid period's end.</summary>
    Billing,
}
