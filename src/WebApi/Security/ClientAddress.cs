using System.Net;
using System.Net.Sockets;

namespace AuthPlatform.WebApi.Security;

/// <summary>
/// The rate-limit identity of a client: its address after trusted-proxy processing, IPv4-mapped IPv6 as
/// IPv4, and IPv6 reduced to its /64 (one subscriber usually holds a whole /64). Requests whose address
/// is unknown share one bucket rather than escaping the limit.
/// </summary>
public static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
