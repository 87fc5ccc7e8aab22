using System.Text;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Platform.Protos.Licensing.V1;
using Platform.Validation.Apis;
using Platform.Validation.Cache;
using Platform.Validation.Tokens;

namespace Platform.Validation.Tests;

/// <summary>The hand-written valid answer is, byte for byte, what the serializer writes for <see cref="ValidAnswer"/>.</summary>
public sealed class ValidAnswerTests
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 23, 1, 2, 3, TimeSpan.Zero).AddTicks(4567);

    public static TheoryData<string> Licenses => ["plain", "full"];

    [Theory]
    [MemberData(nameof(Licenses))]
    public void TheAnswerIsTheSerializersToTheByte(string which)
    {
        var license = new CachedLicense(Snapshot(which == "full"), 0, 0);
        var token = new OfflineToken("eyJhbGciOiJFZERTQSJ9.e30.c2ln", "key_1", Now.AddDays(7));

        foreach (var answer in new[]
                 {
                     new ValidAnswer(true, license.View, Now, Expired: false, ServedFromCache: false, OfflineToken: null),
                     new ValidAnswer(true, license.View, Now, Expired: true, ServedFromCache: true, token),
                 })
        {
            var expected = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(answer, ValidationJsonContext.Default.ValidAnswer));

            var written = Encoding.UTF8.GetString(ValidAnswerResult.Write(answer, license.ViewJson).WrittenSpan);

            Assert.Equal(expected, written);
        }
    }

    private static LicenseSnapshot Snapshot(bool full)
    {
        var snapshot = new LicenseSnapshot
        {
            Id = "lic_2fv2d2h41vdwF6GEEvVsgJ",
            Key = "TO-2V8G-2Q3Y-PY88-5RVG-9YT9",
            Status = "active",
            Type = "perpetual",
            ProductId = "prod_1",
            Version = 3,
        };
        if (full)
        {
            snapshot.PlanName = "Pro <\"quoted\"> & co";
            snapshot.Features.Add(["export", "sync", "é-ñ"]);
            snapshot.Domains.Add(["example.com", "bücher.example"]);
            snapshot.ExpiresAt = Timestamp.FromDateTimeOffset(Now.AddYears(1));
            snapshot.KeyValidUntil = Timestamp.FromDateTimeOffset(Now.AddHours(1));
            snapshot.MaxActivations = 5;
            snapshot.Activations = 2;
            snapshot.MaxDomains = 3;
            snapshot.MaxSeats = 10;
            snapshot.SeatsInUse = 4;
            snapshot.Metadata.Add("customer", "Ünïcode \u2028 <script>");
            snapshot.Metadata.Add("tier", "gold");
        }

        return snapshot;
    }
}
