using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.Social.HandleSocialCallback;

/// <summary>
/// The provider sent the browser back (GET|POST /callback/{provider}): the state is taken from the store
/// (once), compared with the browser's state cookie, the code redeemed, the identity resolved to a user
/// (sign-in) or added to the signed-in user (link-social). Always ends in a redirect: to the callback URL,
/// or to the error callback with ?error=&lt;code&gt;. <see cref="Issuer"/> is the response's RFC 9207 <c>iss</c>.
/// </summary>
public sealed record HandleSocialCallbackCommand(
    string ProviderId,
    string? Code,
    string? State,
    string? ProviderError,
    string? Issuer,
    SessionToken? StateCookie,
    ClientInfo Client)
    : ICommand<Result<SocialCallbackOutcome>>
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("ProviderId = ").Append(ProviderId).Append(", ProviderError = ").Append(ProviderError).Append(", code and state = ***");
        return true;
    }
}

/// <summary>Where the browser goes next; <see cref="SignedIn"/> is set when the sign-in pipeline started a session or asked for a second factor.</summary>
public sealed record SocialCallbackOutcome(string RedirectTo, SignInOutcome? SignedIn, string? ErrorCode);
