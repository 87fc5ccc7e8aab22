using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The operator's view: the AppHost started as <c>./run</c> starts it, with the Aspire dashboard, opened in Debian's
/// chromium through the login URL the AppHost prints.
/// </summary>
public sealed class DashboardTests : IAsyncLifetime
{
    /// <summary>Debian's chromium package (the install script installs it); Playwright cannot download a browser here.</summary>
    private const string Chromium = "/usr/bin/chromium";

    private readonly string dataDir = Repository.NewDataDir();
    private AppHostProcess apphost = null!;
    private IReadOnlyList<AppHostProcess.Resource> resources = [];

    public async Task InitializeAsync()
    {
        apphost = AppHostProcess.Start(dataDir, dashboard: true);
        resources = await apphost.WaitUntilHealthyAsync();
    }

    [Fact]
    public async Task TheDashboardShowsEveryResourceHealthyAValidationTracedThroughTheServicesAndTheValidationsMeter()
    {
        // A key nobody validated yet, so Validation has to ask Licensing: one trace through gateway, validation and licensing.
        await ValidateANewKeyAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        var login = apphost.DashboardLoginUrl();
        await page.GotoAsync(login.ToString());

        // Resources: a row for every resource, its state Running with the green check that means healthy.
        var rows = page.GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(resources.Count + 1); // and the header
        foreach (var resource in resources)
        {
            var row = rows.Filter(new() { Has = page.Locator($"td[aria-label$=': {resource.Name}']") });
            var state = row.Locator("td[col-index='2']");
            await Expect(state).ToHaveAttributeAsync("aria-label", "Running");
            await Expect(state.Locator("svg.severity-icon")).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("--success"));
        }

        // Traces: the validation's trace, with spans of all three services.
        await page.GotoAsync(new Uri(login, "/traces/resource/gateway").ToString());
        var trace = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "gateway: POST /api/v1/validate" });
        await Expect(trace).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(trace).ToContainTextAsync("validation (");
        await Expect(trace).ToContainTextAsync("licensing (");

        // Metrics: the validations meter of the Validation service, with the validation counted under its result code.
        await page.GotoAsync(new Uri(login, "/metrics/resource/validation?meter=Platform.Validation&instrument=validation.validations&view=Table").ToString());
        await Expect(page.GetByText("Validations answered, by result code.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("VALID", new() { Exact = true }).First).ToBeVisibleAsync();
    }

    private async Task ValidateANewKeyAsync()
    {
        var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dataDir, "credentials.json"))).RootElement;
        var gateway = resources.Single(r => r.Name == "gateway").Urls[0];
        using var api = new HttpClient { BaseAddress = gateway };
        api.DefaultRequestHeaders.Authorization = new("Bearer", credentials.GetProperty("testKey").GetString());

        var product = await (await api.PostAsJsonAsync("/api/v1/products", new { name = "Dashboard" })).Content.ReadFromJsonAsync<JsonElement>();
        var created = await api.PostAsJsonAsync("/api/v1/licenses", new { product_id = product.GetProperty("id").GetString(), type = "perpetual" });
        var license = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = license.GetProperty("license").GetProperty("key").GetString();
        var validated = await api.PostAsJsonAsync("/api/v1/validate", new { key });
        Assert.Equal(System.Net.HttpStatusCode.OK, validated.StatusCode);
    }

    public async Task DisposeAsync()
    {
        apphost.Signal("TERM");
        await apphost.WaitForExitAsync(TimeSpan.FromSeconds(60));
        apphost.Dispose();
        await AppHostProcess.WaitUntilGoneAsync(resources, TimeSpan.FromSeconds(30));
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
