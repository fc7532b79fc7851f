using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

/// <summary>
/// The HTTP client JwtBearer fetches the discovery document and the JWKS with, for two deployment needs:
///   RS_BACKCHANNEL_CA_FILE  a PEM certificate authority that AuthPlatform's certificate chains to (a
///                           private PKI); it is trusted in addition to the system's roots, for this client only
///   RS_BACKCHANNEL_RESOLVE  host=address pairs, comma separated (like curl --resolve): the address to
///                           connect to for the authority's host name when DNS here cannot resolve it
///                           (split-horizon DNS; test hosts such as auth.test). TLS still checks the name.
/// Neither set: JwtBearer's default client.
/// </summary>
internal static class Backchannel
{
    public static HttpMessageHandler? FromEnvironment()
    {
        var caFile = Environment.GetEnvironmentVariable("RS_BACKCHANNEL_CA_FILE");
        var resolve = ParseResolve(Environment.GetEnvironmentVariable("RS_BACKCHANNEL_RESOLVE"));
        if (string.IsNullOrWhiteSpace(caFile) && resolve.Count == 0)
        {
            return null;
        }

        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (!string.IsNullOrWhiteSpace(caFile))
        {
            var authority = X509CertificateLoader.LoadCertificateFromFile(caFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                errors == SslPolicyErrors.None || (errors == SslPolicyErrors.RemoteCertificateChainErrors && ChainsTo(certificate, chain, authority));
        }

        if (resolve.Count > 0)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host;
                EndPoint endPoint = resolve.TryGetValue(host, out var address)
                    ? new IPEndPoint(address, context.DnsEndPoint.Port)
                    : context.DnsEndPoint;
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(endPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return handler;
    }

    private static bool ChainsTo(X509Certificate? certificate, X509Chain? presented, X509Certificate2 authority)
    {
        if (certificate is not X509Certificate2 leaf)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(leaf);
    }

    private static Dictionary<string, IPAddress> ParseResolve(string? value)
    {
        var map = new Dictionary<string, IPAddress>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !IPAddress.TryParse(parts[1], out var address))
            {
                throw new InvalidOperationException($"RS_BACKCHANNEL_RESOLVE entry '{pair}' must be host=address.");
            }

            map[parts[0]] = address;
        }

        return map;
    }
}
