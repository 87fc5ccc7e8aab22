namespace Platform.Licensing.Model;

/// <summary>Enum values as the API names them: by name, in any case; a number, which <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> also takes, is not a name.</summary>
internal static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && !int.TryParse(text, out _);
}
