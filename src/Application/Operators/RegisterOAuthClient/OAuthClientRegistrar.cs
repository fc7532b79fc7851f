using System.Buffers.Text;
using System.Security.Cryptography;
using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Domain.Audit;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Operators.RegisterOAuthClient;

/// <summary>
/// Registers a client whose input its use case has validated: the generated id, the secret (a confidential client
/// without a JWKS; stored as a digest), the resources (default: the configured JWT audience), the audit event. The one
/// path of the operator command, the admin route and dynamic registration (ADR 0147).
/// </summary>
public sealed class OAuthClientRegistrar(IOAuthClientRegistry registry, AuditTrail audit, IAuthDbContext db, IOptions<JwtOptions> jwt, IOptions<AuthOptions> auth)
{
    public async Task<RegisteredOAuthClient> RegisterAsync(RegisterOAuthClientCommand command, CancellationToken cancellationToken)
    {
        var confidential = command.Type == RegisterOAuthClientCommand.Confidential;
        var clientId = Random(16);
        var jwks = string.IsNullOrWhiteSpace(command.Jwks) ? null : command.Jwks.Trim();
        var secret = confidential && jwks is null ? Random(32) : null;
        var resources = command.Resources.Count > 0 ? command.Resources : jwt.Value.AudienceFor(auth.Value);
        var client = new OAuthClientRegistration(clientId, command.Name!.Trim(), confidential,
            [.. command.RedirectUris.Distinct(StringComparer.Ordinal)],
            [.. command.PostLogoutRedirectUris.Distinct(StringComparer.Ordinal)],
            [.. command.Grants.Select(RegisterOAuthClientCommand.Normalize).Distinct(StringComparer.Ordinal)],
            [.. command.Scopes.Distinct(StringComparer.Ordinal)],
            [.. resources.Distinct(StringComparer.Ordinal)],
            command.FirstParty,
            jwks);
        audit.Record(AuditEventTypes.OAuthClientRegistered, subjectUserId: null, reason: clientId);
        await registry.RegisterAsync(client, secret, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new RegisteredOAuthClient(clientId, secret);
    }

    private static string Random(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(buffer);
        return Base64Url.EncodeToString(buffer);
    }
}
