using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Json;

/// <summary>
/// The platform's one naming policy. Answers are camelCase, as the API reference's examples (<c>productId</c>,
/// <c>maxActivations</c>, <c>expiresAt</c>): the web defaults. Requests accept that spelling and the reference's
/// snake_case too (<c>product_id</c>, <c>max_activations</c>, <c>license_key</c>): every settable property of every
/// type read from JSON also answers to its snake_case name, so no contract declares a property twice. A name the
/// type already uses for another property is left alone.
/// </summary>
public static class RequestNaming
{
    /// <summary>The resolver given, with snake_case spellings added to what it reads.</summary>
    public static IJsonTypeInfoResolver AcceptingSnakeCase(IJsonTypeInfoResolver resolver) =>
        resolver.WithAddedModifier(AddSnakeCaseNames);

    /// <summary>Adds, for each property that can be set, a read-only alias under its snake_case name.</summary>
    public static void AddSnakeCaseNames(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in typeInfo.Properties)
        {
            names.Add(property.Name);
        }

        var count = typeInfo.Properties.Count;
        for (var i = 0; i < count; i++)
        {
            var property = typeInfo.Properties[i];
            var snake = JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            if (property.Set is null || !names.Add(snake))
            {
                continue;
            }

            var alias = typeInfo.CreateJsonPropertyInfo(property.PropertyType, snake);
            alias.Set = property.Set; // never written: an answer carries each field once, camelCase
            alias.CustomConverter = property.CustomConverter;
            typeInfo.Properties.Add(alias);
        }
    }

    /// <summary>Applies the policy to the JSON options of minimal APIs, whatever resolvers a service put in them.</summary>
    internal sealed class Setup : IPostConfigureOptions<JsonOptions>
    {
        public void PostConfigure(string? name, JsonOptions options) =>
            options.SerializerOptions.TypeInfoResolver = AcceptingSnakeCase(
                options.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver());
    }
}
