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
        var license = await api.CreateLicenseAsync(await api.CreateProductAsync("Usage after hostile input"));
        var key = license.GetProperty("key").GetString();
        for (var i = 0; i < validations; i++)
        {
            using var valid = await api.PostAsJsonAsync("/api/v1/validate", new { license_key = key, machine_id = "usage-check" });
            Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        }

        Assert.Equal(validations, await api.WaitForValidationCountAsync(license.GetProperty("id").GetString()!, validations));
    }
}
