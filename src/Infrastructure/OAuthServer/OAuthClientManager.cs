using System.Buffers.Text;
using System.Security.Cryptography;
using AuthPlatform.Domain.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace AuthPlatform.Infrastructure.OAuthServer;

/// <summary>
/// OpenIddict's client manager with the service's one digest of opaque secrets (<see cref="OpaqueTokenDigest"/>)
/// instead of PBKDF2: client secrets are generated here, 256 random bits, so stretching buys nothing and would
/// cost every client-credentials grant a few milliseconds of CPU.
/// </summary>
public sealed class OAuthClientManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    protected override ValueTask<string> ObfuscateClientSecretAsync(string secret, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Base64Url.EncodeToString(OpaqueTokenDigest.Of(secret)));

    protected override ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default)
    {
        Span<byte> stored = stackalloc byte[32];
        return ValueTask.FromResult(Base64Url.TryDecodeFromChars(comparand, stored, out var written) && written == 32
            && CryptographicOperations.FixedTimeEquals(OpaqueTokenDigest.Of(secret), stored));
    }
}
