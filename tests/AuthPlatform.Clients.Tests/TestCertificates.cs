using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// A throwaway certificate authority and one leaf certificate for every host name the browser tests use
/// (app.test, auth.test, resource.test, localhost, 127.0.0.1), made with openssl in a temporary folder.
/// Kestrel and the Node static host serve the leaf; HttpClient trusts the CA explicitly.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private static readonly string[] Names = ["app.test", "auth.test", "resource.test", "localhost"];

    private TestCertificates(string directory)
    {
        Directory = directory;
        Authority = X509CertificateLoader.LoadCertificateFromFile(AuthorityPath);
    }

    public string Directory { get; }

    public string AuthorityPath => Path.Combine(Directory, "ca.crt");

    public string CertificatePath => Path.Combine(Directory, "server.crt");

    public string KeyPath => Path.Combine(Directory, "server.key");

    public X509Certificate2 Authority { get; }

    public static async Task<TestCertificates> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "authplatform-certs-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        var sans = string.Join(',', Names.Select(n => "DNS:" + n).Append("IP:127.0.0.1"));
        await File.WriteAllTextAsync(Path.Combine(directory, "server.ext"), string.Join('\n',
            "basicConstraints=critical,CA:FALSE",
            "keyUsage=critical,digitalSignature,keyEncipherment",
            "extendedKeyUsage=serverAuth",
            "subjectAltName=" + sans) + "\n");
        await OpenSslAsync(directory, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2",
            "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=AuthPlatform test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        await OpenSslAsync(directory, "req", "-newkey", "rsa:2048", "-nodes", "-sha256", "-keyout", "server.key",
            "-out", "server.csr", "-subj", "/CN=auth.test");
        await OpenSslAsync(directory, "x509", "-req", "-sha256", "-days", "2", "-in", "server.csr", "-CA", "ca.crt",
            "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.crt", "-extfile", "server.ext");
        return new TestCertificates(directory);
    }

    /// <summary>An HttpClient that trusts this CA (and nothing else) for https URLs.</summary>
    public HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    if (certificate is not X509Certificate2 leaf)
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(Authority);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(leaf);
                },
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    private static async Task OpenSslAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"openssl {string.Join(' ', arguments)} failed: {await error}");
    }

    public void Dispose()
    {
        Authority.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
