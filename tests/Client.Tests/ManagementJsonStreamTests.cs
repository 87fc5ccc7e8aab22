using System.Text;
using LicensePlatform.Client.Management;

namespace Platform.Client.Tests;

/// <summary>The streamed JSON export read item by item, however its bytes arrive.</summary>
public sealed class ManagementJsonStreamTests
{
    [Fact]
    public async Task Items_are_read_across_chunks_of_any_size_skipping_the_other_properties()
    {
        const string json = """
            {"before":{"x":[1,2,{"y":"]}\"licenses\""}]},"licenses":[
              {"key":"KEY-ONE-0001","productId":"prod_1","status":"suspended","type":"trial","domains":["a.example"],"metadata":{"n":[1,{"m":2}]}},
              null,
              {"key":"KEY-TWO-0002","productId":"prod_2","planId":null,"expiresAt":"2030-01-02T03:04:05+00:00"}
            ],"after":true}
            """;
        foreach (var chunk in new[] { 1, 2, 7, 64, 100_000 })
        {
            var licenses = await ReadAsync(json, chunk);
            Assert.Equal(["KEY-ONE-0001", "KEY-TWO-0002"], licenses.Select(l => l.Key));
            Assert.Equal((LicenseStatus.Suspended, LicenseType.Trial, 2), (licenses[0].Status, licenses[0].Type, licenses[0].Metadata!["n"][1].GetProperty("m").GetInt32()));
            Assert.Equal((null, new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)), (licenses[1].PlanId, licenses[1].ExpiresAt));
        }
    }

    [Fact]
    public async Task An_item_larger_than_the_buffer_is_read_whole()
    {
        var note = new string('x', 100_000);
        var licenses = await ReadAsync($$$"""{"licenses":[{"key":"BIG-KEY-0001","productId":"p","metadata":{"note":"{{{note}}}"}},{"key":"NEXT-KEY-01","productId":"p"}]}""", 4096);
        Assert.Equal(note, licenses[0].Metadata!["note"].GetString());
        Assert.Equal("NEXT-KEY-01", licenses[1].Key);
    }

    [Fact]
    public async Task An_empty_array_has_no_items()
    {
        Assert.Empty(await ReadAsync("""{"licenses":[]}""", 3));
    }

    [Theory]
    [InlineData("""{"licenses":[{"key":"KEY-ONE-0001","productId":"p"},{"key":""")]
    [InlineData("""{"licenses":[{"key":"KEY-ONE-0001","productId":"p"}]""")]
    [InlineData("""{"other":[]}""")]
    [InlineData("""{"licenses":{"key":"KEY-ONE-0001"}}""")]
    [InlineData("""[{"key":"KEY-ONE-0001","productId":"p"}]""")]
    [InlineData("""{"licenses":[{"key":5,"productId":"p"}]}""")]
    public async Task An_answer_that_is_not_the_export_is_unavailable_not_a_partial_list(string json)
    {
        await Assert.ThrowsAsync<LicensePlatformUnavailableException>(() => ReadAsync(json, 5));
    }

    private static async Task<List<PortableLicense>> ReadAsync(string json, int chunk)
    {
        using var stream = new TrickleStream(Encoding.UTF8.GetBytes(json), chunk);
        var licenses = new List<PortableLicense>();
        await foreach (var license in JsonArrayStream.ReadAsync<PortableLicense>(stream, "licenses", PlatformHttp.Json))
        {
            licenses.Add(license);
        }

        return licenses;
    }

    /// <summary>A stream that gives at most <c>chunk</c> bytes a read, as a slow network would.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
