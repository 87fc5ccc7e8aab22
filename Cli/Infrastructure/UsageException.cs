namespace LicensePlatform.Cli.Infrastructure;

/// <summary>The command line cannot be carried out as given (exit code 2); the message says what to pass instead.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
