using System.Security.Cryptography;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Application.Sessions.GetSession;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Tokens;

/// <summary>
/// Turns a live session into a signed access token: the /token use case and the set-auth-jwt header of
/// get-session. Issuer and audience are resolved once from configuration.
/// </summary>
public sealed class AccessTokenIssuer
{
    private readonly IJwtSigner _signer;
    private readonly TimeProvider _clock;
    private readonly string _issuer;
    private readonly IReadOnlyList<string> _audience;
    private readonly long _lifetimeSeconds;

    public AccessTokenIssuer(IJwtSigner signer, TimeProvider clock, IOptions<JwtOptions> jwt, IOptions<AuthOptions> auth)
    {
        _signer = signer;
        _clock = clock;
        _issuer = jwt.Value.IssuerFor(auth.Value);
        _audience = jwt.Value.AudienceFor(auth.Value);
        _lifetimeSeconds = (long)jwt.Value.ExpiresIn.TotalSeconds;
    }

    /// <summary>A signed token for <paramref name="session"/>, or null when no signing key is active.</summary>
    public string? Issue(CurrentSession session)
    {
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        var user = session.User;
        var claims = new AccessTokenClaims(_issuer, _audience, user.Id, now, now, now + _lifetimeSeconds, NewTokenId(),
            session.Session.Id, user.Email, user.EmailVerified, user.Name, Actor: session.Session.ImpersonatedBy,
            OrganizationId: session.ActiveOrganizationRole is null ? null : session.Session.ActiveOrganizationId,
            OrganizationRoles: session.ActiveOrganizationRole is { } role ? Domain.Access.RoleNames.Parse(role) : null);
        if (!_signer.TrySign(claims, out var token))
        {
            return null;
        }

        AuthMetrics.TokenIssued();

        return token;
    }

    /// <summary>128 random bits, base64url: unique per token.</summary>
    private static string NewTokenId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return System.Buffers.Text.Base64Url.EncodeToString(bytes);
    }
}
