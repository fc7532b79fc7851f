namespace AuthPlatform.WebApi.Telemetry;

/// <summary>
/// Metrics and traces (section "Telemetry"). Nothing is exported unless configured: OTLP when an endpoint
/// is set, the Prometheus scrape endpoint when enabled, on its own port or behind a bearer token.
/// docs/operations.md ("Metrics and traces"), docs/adr/0090-opentelemetry-metrics-and-traces.md.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>OTLP collector, e.g. http://otel-collector:4317 (grpc) or :4318 (http/protobuf). Unset: no OTLP export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>grpc or http/protobuf.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Export traces as well as metrics over OTLP.</summary>
    public bool Traces { get; set; } = true;

    public PrometheusEndpointOptions Prometheus { get; set; } = new();
}

/// <summary>The Prometheus scrape endpoint: off by default; when on, served only on <see cref="Port"/> or only with <see cref="Token"/>.</summary>
public sealed class PrometheusEndpointOptions
{
    public bool Enabled { get; set; }

    /// <summary>A port of its own for the scrape endpoint (nothing else is served there), kept off the public proxy.</summary>
    public int? Port { get; set; }

    /// <summary>A bearer token the scraper sends (Authorization: Bearer ...), at least 32 characters; for the service's own port.</summary>
    public string? Token { get; set; }

    public string Path { get; set; } = "/metrics";
}
