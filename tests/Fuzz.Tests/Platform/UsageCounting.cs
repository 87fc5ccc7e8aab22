using System.Net;
using System.Net.Http.Json;

namespace Platform.Fuzz.Tests.Platform;

/// <summary>
/// That validations are still counted, for a license of its own: one bad usage record once stopped the counting of
/// every tenant, so each hostile run ends by checking that the counting goes on.
/// </summary>
internal static class UsageCounting
{
    public static async Task AssertStillCountsAsync(PlatformFixture platform, int validations = 7)
    {
        using var api = platform.Gateway("testKey");
        var product = await ReadAsync(await api.PostAsJsonAsync("/api/v1/products", new { name = "Usage after hostile input" }));
        var license = (await ReadAsync(await api.PostAsJsonAsync("/api/v1/licenses", new { product_id = product.GetProperty("id").GetString(), type = "perpetual" })))
            .GetProperty("license");
        var key = license.GetProperty("key").GetString();
        for (var i = 0; i < validations; i++)
        {
            using var valid = await api.PostAsJsonAsync("/api/v1/validate", new { license_key = key, machine_id = "usage-check" });
            Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        }

        var counted = 0;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); counted < validations && DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            var usage = await ReadAsync(await api.GetAsync($"/api/v1/licenses/{license.GetProperty("id").GetString()}/usage"));
            counted = usage.GetProperty("validationCount").GetInt32();
        }

        Assert.Equal(validations, counted);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }
}
