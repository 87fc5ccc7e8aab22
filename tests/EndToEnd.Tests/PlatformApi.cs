using System.Net.Http.Json;

namespace Platform.EndToEnd.Tests;

/// <summary>What the tests do again and again through the Gateway's public API: create products and licenses, read usage.</summary>
internal static class PlatformApi
{
    /// <summary>Creates a product; its id.</summary>
    public static async Task<string> CreateProductAsync(this HttpClient api, string name)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/products", new { name });
        await AssertSucceededAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Creates a license of the product, perpetual unless <paramref name="type"/> says otherwise; the license.</summary>
    public static async Task<JsonElement> CreateLicenseAsync(this HttpClient api, string productId, string type = "perpetual", DateTimeOffset? expiresAt = null)
    {
        using var request = LicenseRequest(productId, type, expiresAt);
        using var response = await api.SendAsync(request);
        await AssertSucceededAsync(response);
        return await LicenseOfAsync(response);
    }

    /// <summary>The request that creates a license; with an Idempotency-Key, sending it again answers the same license.</summary>
    public static HttpRequestMessage LicenseRequest(string productId, string type = "perpetual", DateTimeOffset? expiresAt = null, string? idempotencyKey = null)
    {
        var body = new Dictionary<string, object> { ["product_id"] = productId, ["type"] = type };
        if (expiresAt is { } expires)
        {
            body["expires_at"] = expires;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/licenses") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    /// <summary>The license a successful create answered (<c>{"license": {…}}</c>).</summary>
    public static async Task<JsonElement> LicenseOfAsync(HttpResponseMessage created) =>
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("license");

    /// <summary>How many validations of the license Licensing has counted.</summary>
    public static async Task<int> ValidationCountAsync(this HttpClient api, string licenseId) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/licenses/{licenseId}/usage")).GetProperty("validationCount").GetInt32();

    /// <summary>
    /// Reads the license's validation count until it reaches <paramref name="expected"/> (usage is reported about once a
    /// second) or 30 s pass; the last count read.
    /// </summary>
    public static async Task<int> WaitForValidationCountAsync(this HttpClient api, string licenseId, int expected)
    {
        var counted = await api.ValidationCountAsync(licenseId);
        for (var deadline = DateTime.UtcNow.AddSeconds(30); counted < expected && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(250);
            counted = await api.ValidationCountAsync(licenseId);
        }

        return counted;
    }

    private static async Task AssertSucceededAsync(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
}
