using System.Net;

namespace AuthPlatform.WebApi.Security;

/// <summary>
/// Reverse proxies whose X-Forwarded-For is believed (Auth:TrustedProxies, AUTH_TRUSTED_PROXIES): a comma
/// list of addresses (10.0.0.5) or networks (10.0.0.0/8). Empty by default: then the peer address is the
/// client, and X-Forwarded-For changes nothing (not even from loopback, which ASP.NET Core trusts by default).
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string SectionName = "Auth";

    public string? TrustedProxies { get; set; }

    public IEnumerable<string> Entries =>
        (TrustedProxies ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Parses one entry as a network (an address is a /32 or /128 network).</summary>
    public static bool TryParse(string entry, out IPNetwork network)
    {
        if (IPAddress.TryParse(entry, out var address) && !entry.Contains('/', StringComparison.Ordinal))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(entry, out network);
    }
}
