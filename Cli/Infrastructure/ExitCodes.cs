namespace LicensePlatform.Cli.Infrastructure;

/// <summary>What <c>licensectl</c> exits with; scripts and CI steps branch on these.</summary>
public static class ExitCodes
{
    /// <summary>Done: the key is valid, or the call succeeded.</summary>
    public const int Ok = 0;

    /// <summary>The platform refused: the key is not valid, or the call was refused (its code is printed).</summary>
    public const int Refused = 1;

    /// <summary>The command line is wrong: an unknown or missing option, a bad value, no platform URL or API key.</summary>
    public const int Usage = 2;

    /// <summary>The platform could not be reached, or kept failing, after the retries.</summary>
    public const int Unreachable = 3;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
