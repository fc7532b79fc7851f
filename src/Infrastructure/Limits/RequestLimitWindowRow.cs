namespace AuthPlatform.Infrastructure.Limits;

/// <summary>
/// One credential-limit counter (table request_limit_windows): the current fixed window of one client
/// and route. Keyed by an HMAC of the key, so the table holds no client addresses.
/// </summary>
public sealed class RequestLimitWindowRow
{
    public byte[] KeyDigest { get; set; } = [];

    public DateTimeOffset WindowStart { get; set; }

    public int Hits { get; set; }
}
