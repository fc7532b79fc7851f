using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Telemetry;

public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public const int MinimumTokenLength = 32;

    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var problems = new List<string>();
        if (!string.IsNullOrEmpty(options.OtlpEndpoint)
            && (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https")))
        {
            problems.Add($"Telemetry:OtlpEndpoint '{options.OtlpEndpoint}' must be an absolute http:// or https:// URL, e.g. http://otel-collector:4317.");
        }

        if (options.OtlpProtocol is not ("grpc" or "http/protobuf"))
        {
            problems.Add($"Telemetry:OtlpProtocol '{options.OtlpProtocol}' must be grpc or http/protobuf.");
        }

        var prometheus = options.Prometheus;
        if (prometheus.Enabled)
        {
            if (prometheus.Port is null && string.IsNullOrEmpty(prometheus.Token))
            {
                problems.Add("Telemetry:Prometheus:Enabled needs Telemetry:Prometheus:Port (a port of its own) or Telemetry:Prometheus:Token (a bearer token): metrics are not served to anyone who asks.");
            }

            if (prometheus.Port is { } port && port is < 1 or > 65535)
            {
                problems.Add($"Telemetry:Prometheus:Port {port} must be between 1 and 65535.");
            }

            if (!string.IsNullOrEmpty(prometheus.Token) && prometheus.Token.Length < MinimumTokenLength)
            {
                problems.Add($"Telemetry:Prometheus:Token must be at least {MinimumTokenLength} characters (it has {prometheus.Token.Length}).");
            }

            if (!prometheus.Path.StartsWith('/'))
            {
                problems.Add($"Telemetry:Prometheus:Path '{prometheus.Path}' must start with '/'.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
