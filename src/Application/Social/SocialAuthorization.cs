using System.Security.Cryptography;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Accounts;
using AuthPlatform.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Social;

/// <summary>The provider's authorization URL and the state the browser must bring back (in its state cookie).</summary>
public sealed record SocialAuthorizationStarted(Uri Url, SessionToken State)
{
    public override string ToString() => "SocialAuthorizationStarted(***)";
}

/// <summary>Where the browser goes after the provider, as the caller asked (each checked against the trusted origins).</summary>
public sealed record SocialRedirects(string? CallbackUrl, string? ErrorCallbackUrl, string? NewUserCallbackUrl);

/// <summary>
/// Starts an authorization code flow (sign-in/social and link-social): checks the provider and the redirect
/// targets, mints the state, the PKCE verifier and the nonce, keeps them server-side (single use,
/// <see cref="SocialOptions.StateLifetime"/>), and builds the provider's authorization URL.
/// </summary>
internal sealed class SocialAuthorization(IAuthDbContext db, IIdentityProviders providers, IServiceUrls urls, TimeProvider clock, IOptions<AuthOptions> auth, IOptions<SocialOptions> social)
{
    private const string VerifierAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    public async Task<Result<SocialAuthorizationStarted>> StartAsync(
        string providerId,
        SocialRedirects redirects,
        IReadOnlyList<string>? scopes,
        string? loginHint,
        string? linkUserId,
        CancellationToken cancellationToken)
    {
        if (!providers.Exists(providerId))
        {
            return SocialErrors.ProviderNotFound;
        }

        var options = auth.Value;
        if (!RedirectTargets.IsAllowed(redirects.CallbackUrl, options))
        {
            return SocialErrors.InvalidCallbackUrl;
        }

        if (!RedirectTargets.IsAllowed(redirects.ErrorCallbackUrl, options))
        {
            return SocialErrors.InvalidErrorCallbackUrl;
        }

        if (!RedirectTargets.IsAllowed(redirects.NewUserCallbackUrl, options))
        {
            return SocialErrors.InvalidNewUserCallbackUrl;
        }

        var now = clock.GetUtcNow();
        var state = SessionToken.Generate();
        var verifier = RandomNumberGenerator.GetString(VerifierAlphabet, 64);
        var nonce = RandomNumberGenerator.GetString(VerifierAlphabet.AsSpan(0, 62), 32);
        var extraScopes = scopes ?? [];
        var url = await providers.AuthorizationUrlAsync(
            new AuthorizationRequest(providerId, state.Value, verifier, nonce, urls.ProviderCallback(providerId), extraScopes, loginHint), cancellationToken);
        if (!url.IsSuccess)
        {
            return url.Error!;
        }

        // Expired requests are swept here, so the table holds only flows in progress.
        await db.OAuthStates.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        db.OAuthStates.Add(OAuthState.Issue(
            state, providerId, verifier, nonce,
            string.IsNullOrEmpty(redirects.CallbackUrl) ? "/" : redirects.CallbackUrl,
            NullIfEmpty(redirects.ErrorCallbackUrl), NullIfEmpty(redirects.NewUserCallbackUrl), linkUserId,
            extraScopes.Count == 0 ? null : string.Join(' ', extraScopes),
            social.Value.StateLifetime, now));
        await db.SaveChangesAsync(cancellationToken);
        return new SocialAuthorizationStarted(url.Value, state);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
