namespace Platform.Validation.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ActivationTests(PostgresFixture postgres, BrokerFixture broker)
{
    [Fact]
    public async Task ActivationIsIdempotentPerMachineTheLimitHoldsAndTheCacheTakesTheAnswer()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var (_, key) = await platform.CreateLicenseAsync(new { max_activations = 1 });
        Assert.Equal(HttpStatusCode.OK, (await platform.ValidateAsync(new { key })).StatusCode);

        var first = await platform.Client.PostAsJsonAsync("/api/v1/activate", new { license_key = key, machine_id = "machine-1", label = "Laptop" });
        var again = await platform.Client.PostAsJsonAsync("/api/v1/activate", new { key, fingerprint = "machine-1" });
        var other = await platform.Client.PostAsJsonAsync("/api/v1/activate", new { key, machine_id = "machine-2" });
        var validated = await (await platform.ValidateAsync(new { key, machine_id = "machine-1" })).JsonAsync();

        var firstBody = await first.JsonAsync();
        var againBody = await again.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(firstBody.GetProperty("activated").GetBoolean());
        Assert.True(firstBody.GetProperty("newlyActivated").GetBoolean());
        Assert.Equal((1, 1), (firstBody.GetProperty("activations").GetInt32(), firstBody.GetProperty("maxActivations").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False(againBody.GetProperty("newlyActivated").GetBoolean());
        Assert.Equal(firstBody.GetProperty("machineId").GetString(), againBody.GetProperty("machineId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("ACTIVATION_LIMIT_REACHED", (await other.JsonAsync()).GetProperty("code").GetString());
        // The validation after the activation saw it without asking Licensing again: the cache took the answer.
        Assert.Equal(1, validated.GetProperty("license").GetProperty("activations").GetInt32());
        Assert.Equal(1, platform.Licensing.CallsTo("GetLicenseByKey"));
    }

    [Fact]
    public async Task DeactivationFreesTheSlotAndAnUnknownMachineIsNotFound()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var (_, key) = await platform.CreateLicenseAsync(new { max_activations = 1 });
        Assert.Equal(HttpStatusCode.OK, (await platform.Client.PostAsJsonAsync("/api/v1/activate", new { key, machine_id = "machine-1" })).StatusCode);

        var freed = await platform.Client.PostAsJsonAsync("/api/v1/deactivate", new { license_key = key, machine_id = "machine-1" });
        var twice = await platform.Client.PostAsJsonAsync("/api/v1/deactivate", new { key, machine_id = "machine-1" });
        var next = await platform.Client.PostAsJsonAsync("/api/v1/activate", new { key, machine_id = "machine-2" });

        Assert.Equal(HttpStatusCode.OK, freed.StatusCode);
        Assert.Equal(0, (await freed.JsonAsync()).GetProperty("activations").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
        Assert.Equal("MACHINE_NOT_FOUND", (await twice.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task WritesCheckTheKeyBeforeAnyCall()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);

        var malformed = await platform.Client.PostAsJsonAsync("/api/v1/activate", new { key = "TO-NOT A KEY!", machine_id = "m" });
        var noMachine = await platform.Client.PostAsJsonAsync("/api/v1/activate", new { key = Platform.Contracts.Keys.LicenseKeyFormat.Generate() });
        var unknown = await platform.Client.PostAsJsonAsync("/api/v1/seats/checkout", new { key = Platform.Contracts.Keys.LicenseKeyFormat.Generate(), client_id = "c" });

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_KEY_FORMAT"), (malformed.StatusCode, (await malformed.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "MISSING_FIELDS"), (noMachine.StatusCode, (await noMachine.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, "LICENSE_NOT_FOUND"), (unknown.StatusCode, (await unknown.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal(0, platform.Licensing.CallsTo("Activate"));
        Assert.Equal(0, platform.Licensing.CallsTo("CheckoutSeat"));
    }
}
