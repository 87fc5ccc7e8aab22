namespace Platform.Validation.Cache;

/// <summary>
/// Names a cache entry checks a request against (features, machine fingerprints, domains): an array searched in order
/// while there are few, a hash set beyond that. A typical license has a handful of features and no machines or domains,
/// so its sets cost the cache one array or none, where a hash set each would cost three objects.
/// </summary>
internal readonly struct NameSet
{
    private const int MaxSearchedInOrder = 8;

    private readonly string[] names;
    private readonly HashSet<string>? hashed;

    private NameSet(string[] names, HashSet<string>? hashed)
    {
        this.names = names;
        this.hashed = hashed;
    }

    /// <summary>The set of <paramref name="names"/>, which it keeps when they are distinct (the caller must not change them).</summary>
    public static NameSet Of(string[] names)
    {
        if (names.Length <= MaxSearchedInOrder)
        {
            return new NameSet(HasDuplicates(names) ? [.. names.Distinct(StringComparer.Ordinal)] : names, null);
        }

        var hashed = new HashSet<string>(names, StringComparer.Ordinal);
        return new NameSet(hashed.Count == names.Length ? names : [.. hashed], hashed);
    }

    public int Count => names.Length;

    public bool Contains(string name)
    {
        if (hashed is not null)
        {
            return hashed.Contains(name);
        }

        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasDuplicates(string[] names)
    {
        for (var i = 1; i < names.Length; i++)
        {
            if (Array.IndexOf(names, names[i], 0, i) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
