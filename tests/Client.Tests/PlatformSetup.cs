using System.Net.Http.Json;

namespace Platform.Client.Tests;

/// <summary>Products, plans and licenses the run-time tests need, made through the Gateway's admin API.</summary>
internal static class PlatformSetup
{
    /// <summary>A new product and a license of it with <paramref name="fields"/> (perpetual unless they say otherwise); the license.</summary>
    public static async Task<JsonElement> NewLicenseAsync(this HttpClient api, object? fields = null, object? plan = null)
    {
        var productId = await api.CreateProductAsync("Client tests " + Guid.NewGuid().ToString("N")[..8]);
        var body = new Dictionary<string, object?> { ["product_id"] = productId };
        if (plan is not null)
        {
            var planFields = JsonSerializer.SerializeToElement(plan).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
            planFields["product_id"] = productId;
            planFields.TryAdd("name", "Plan");
            body["plan_id"] = (await PostAsync(api, "/api/v1/plans", planFields)).GetProperty("id").GetString();
        }
        else
        {
            body["type"] = "perpetual";
        }

        foreach (var field in JsonSerializer.SerializeToElement(fields ?? new { }).EnumerateObject())
        {
            body[field.Name] = field.Value;
        }

        return (await PostAsync(api, "/api/v1/licenses", body)).GetProperty("license");
    }

    public static async Task<JsonElement> PostAsync(this HttpClient api, string path, object body)
    {
        using var response = await api.PostAsJsonAsync(path, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {json}");
        return json;
    }
}
