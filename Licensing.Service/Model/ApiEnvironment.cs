namespace Platform.Licensing.Model;

/// <summary>Live and test data never mix: a <c>to_test_</c> key sees only test rows, a <c>to_live_</c> key only live ones.</summary>
public enum ApiEnvironment
{
    Live,
    Test,
}
