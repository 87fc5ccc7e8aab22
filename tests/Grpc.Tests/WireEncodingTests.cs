namespace Platform.Grpc.Tests;

public sealed class WireEncodingTests
{
    [Theory]
    [InlineData(100, "100m")]
    [InlineData(1.5, "1500u")]
    [InlineData(0.0001, "100n")]
    [InlineData(200_000, "200S")]
    [InlineData(123_456.789, "123457m")]
    [InlineData(1234.5678912, "1234568u")]
    [InlineData(100_000_000, "100000S")]
    public void TimeoutsAreFormattedInAtMostEightDigits(double milliseconds, string expected) =>
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData("1H", 3_600_000)]
    [InlineData("2M", 120_000)]
    [InlineData("3S", 3_000)]
    [InlineData("250m", 250)]
    [InlineData("1500u", 1.5)]
    [InlineData("99999999n", 99.999999)]
    public void TimeoutsAreParsedInEveryUnit(string header, double milliseconds)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(milliseconds, timeout.TotalMilliseconds, precision: 4);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("123456789S")]
    [InlineData("-5S")]
    [InlineData("S")]
    public void MalformedTimeoutsAreRejected(string header) => Assert.False(GrpcTimeout.TryParse(header, out _));

    [Fact]
    public void MessagesArePercentEncodedAsUtf8()
    {
        var encoded = MetadataEncoding.EncodeMessage("ключ 100% ✓\n");

        Assert.Equal("%D0%BA%D0%BB%D1%8E%D1%87 100%25 %E2%9C%93%0A", encoded);
        Assert.Equal("ключ 100% ✓\n", MetadataEncoding.DecodeMessage(encoded));
    }

    [Fact]
    public void MalformedPercentSequencesAreKept() => Assert.Equal("50%zz%", MetadataEncoding.DecodeMessage("50%zz%"));

    [Theory]
    [InlineData("AAEC+vv/", new byte[] { 0, 1, 2, 250, 251, 255 })]
    [InlineData("AAE", new byte[] { 0, 1 })]
    [InlineData("AAE=", new byte[] { 0, 1 })]
    [InlineData("", new byte[0])]
    public void BinaryValuesAreDecodedWithOrWithoutPadding(string header, byte[] expected) =>
        Assert.Equal(expected, MetadataEncoding.DecodeBinary(header));

    [Fact]
    public void BinaryValuesAreSentWithoutPadding() => Assert.Equal("AAE", MetadataEncoding.EncodeBinary([0, 1]));

    [Theory]
    [InlineData("x-bin", "value")]
    [InlineData("grpc-custom", "value")]
    [InlineData("bad key", "value")]
    [InlineData("x-ascii", "ключ")]
    [InlineData("x-ascii", "line\nbreak")]
    public void InvalidAsciiMetadataIsRefused(string key, string value) =>
        Assert.Throws<ArgumentException>(() => new Metadata { { key, value } });

    [Fact]
    public void BytesNeedABinKey() => Assert.Throws<ArgumentException>(() => new Metadata { { "x-data", new byte[] { 1 } } });

    [Fact]
    public void KeysAreLowerCased()
    {
        var metadata = new Metadata { { "X-Tenant", "t1" } };

        Assert.Equal("x-tenant", metadata.Single().Key);
        Assert.Equal("t1", metadata.GetValue("X-TENANT"));
    }

    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unknown)]
    public void HttpStatusesMapToGrpcCodes(int http, StatusCode expected) => Assert.Equal(expected, HttpStatusMapping.ToStatusCode(http));

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("application/grpc+json", false)]
    [InlineData("application/grpcx", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void GrpcContentTypesAreRecognised(string? contentType, bool expected) =>
        Assert.Equal(expected, GrpcProtocol.IsGrpcContentType(contentType));

    [Fact]
    public void BackoffStaysUnderItsCeiling()
    {
        var policy = new RetryPolicy { InitialBackoff = TimeSpan.FromMilliseconds(100), BackoffMultiplier = 2, MaxBackoff = TimeSpan.FromMilliseconds(300) };

        for (var i = 0; i < 100; i++)
        {
            Assert.InRange(policy.BackoffBefore(1).TotalMilliseconds, 0, 100);
            Assert.InRange(policy.BackoffBefore(2).TotalMilliseconds, 0, 200);
            Assert.InRange(policy.BackoffBefore(5).TotalMilliseconds, 0, 300);
        }
    }
}
