using OpenTelemetry.Exporter;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> read from configuration (so
/// appsettings and the command line work, not only the environment). For http/protobuf the base
/// endpoint gets the per-signal path, as the OTLP specification asks of the generic variable.
/// </summary>
internal sealed record OtlpSettings(Uri Endpoint, OtlpExportProtocol Protocol)
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";

    public static OtlpSettings? From(IConfiguration configuration)
    {
        if (configuration[EndpointKey] is not { Length: > 0 } endpoint)
        {
            return null;
        }

        var protocol = configuration[ProtocolKey] is "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        return new OtlpSettings(new Uri(endpoint), protocol);
    }

    /// <param name="signalPath">"traces", "metrics" or "logs".</param>
    public void Apply(OtlpExporterOptions options, string signalPath)
    {
        options.Protocol = Protocol;
        options.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(Endpoint, Endpoint.AbsolutePath.TrimEnd('/') + "/v1/" + signalPath)
            : Endpoint;
    }
}
