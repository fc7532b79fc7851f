namespace AuthPlatform.Application.Common.Models;

/// <summary>Who is calling: recorded on new sessions and used for rate limits. Never a secret.</summary>
public sealed record ClientInfo(string? IpAddress, string? UserAgent)
{
    public static readonly ClientInfo Unknown = new(null, null);
}
