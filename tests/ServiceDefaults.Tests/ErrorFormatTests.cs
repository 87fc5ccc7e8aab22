using System.Net;
using System.Text;

namespace Platform.ServiceDefaults.Tests;

public sealed class ErrorFormatTests
{
    private sealed record Order(string Name, int Quantity);

    private static Task<TestService> StartAsync(string environment = "Development") => TestService.StartAsync(mapRoutes: app =>
    {
        app.MapPost("/orders", (Order order) => TypedResults.Ok(order));
        app.MapGet("/boom", string () => throw new InvalidOperationException("secret connection detail"));
        app.MapGet("/teapot", () => Results.StatusCode(StatusCodes.Status418ImATeapot));
        app.MapPost("/stored", async () =>
        {
            // A database that is not there: nothing listens on the port.
            await using var connection = new Npgsql.NpgsqlConnection($"Host=127.0.0.1;Port={ClosedPort()};Username=x;Password=x;Timeout=2");
            await connection.OpenAsync();
            return Results.Ok();
        });
    }, environment: environment);

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task ADatabaseThatCannotBeReachedIs503FromTheFirstRequest(string environment)
    {
        await using var service = await StartAsync(environment);

        var (status, body) = await (await service.Client.PostAsync("/stored", null)).ReadErrorAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("SERVICE_UNAVAILABLE", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnknownRouteAnswersNotFoundInTheErrorFormat()
    {
        await using var service = await StartAsync();

        var (status, body) = await (await service.Client.GetAsync("/no/such/route")).ReadErrorAsync();

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("NOT_FOUND", body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
        Assert.Equal("/docs/errors#NOT_FOUND", body.GetProperty("help").GetString());
    }

    [Fact]
    public async Task UnreadableJsonAnswersBadRequestWithInvalidJson()
    {
        await using var service = await StartAsync();

        using var content = new StringContent("{\"name\": \"x\", \"quantity\": ", Encoding.UTF8, "application/json");
        var (status, body) = await (await service.Client.PostAsync("/orders", content)).ReadErrorAsync();

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_JSON", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task WrongJsonTypeAnswersBadRequestWithValidationErrorNamingTheField()
    {
        await using var service = await StartAsync();

        using var content = new StringContent("{\"name\": \"x\", \"quantity\": \"many\"}", Encoding.UTF8, "application/json");
        var (status, body) = await (await service.Client.PostAsync("/orders", content)).ReadErrorAsync();

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("VALIDATION_ERROR", body.GetProperty("code").GetString());
        Assert.Contains("quantity", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingBodyAnswersMissingFields()
    {
        await using var service = await StartAsync();

        using var content = new StringContent("", Encoding.UTF8, "application/json");
        var (status, body) = await (await service.Client.PostAsync("/orders", content)).ReadErrorAsync();

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MISSING_FIELDS", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task WrongContentTypeAnswersUnsupportedMediaType()
    {
        await using var service = await StartAsync();

        using var content = new StringContent("name=x", Encoding.UTF8, "text/plain");
        var (status, body) = await (await service.Client.PostAsync("/orders", content)).ReadErrorAsync();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnknownCharsetAnswersUnsupportedMediaType()
    {
        await using var service = await StartAsync();

        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"name\": \"x\", \"quantity\": 1}"));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=bogus");
        var (status, body) = await (await service.Client.PostAsync("/orders", content)).ReadErrorAsync();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task WrongMethodAnswersMethodNotAllowed()
    {
        await using var service = await StartAsync();

        var (status, body) = await (await service.Client.DeleteAsync("/orders")).ReadErrorAsync();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Equal("METHOD_NOT_ALLOWED", body.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task UnhandledExceptionAnswersInternalErrorWithoutDetail(string environment)
    {
        await using var service = await StartAsync(environment);

        var response = await service.Client.GetAsync("/boom");
        var text = await response.Content.ReadAsStringAsync();
        var (status, body) = await response.ReadErrorAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("INTERNAL_ERROR", body.GetProperty("code").GetString());
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodylessErrorStatusGetsABody()
    {
        await using var service = await StartAsync();

        var (status, body) = await (await service.Client.GetAsync("/teapot")).ReadErrorAsync();

        Assert.Equal((HttpStatusCode)418, status);
        Assert.Equal("BAD_REQUEST", body.GetProperty("code").GetString());
    }
}
