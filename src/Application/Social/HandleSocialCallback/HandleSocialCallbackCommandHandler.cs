using System.Text.RegularExpressions;
using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Application.Social;
using AuthPlatform.Domain.Accounts;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Social.HandleSocialCallback;

internal sealed partial class HandleSocialCallbackCommandHandler(
    IAuthDbContext db,
    IIdentityProviders providers,
    IServiceUrls urls,
    IProviderTokenProtector tokenProtector,
    TimeProvider clock,
    IOptions<AuthOptions> auth,
    IOptions<SocialOptions> social,
    SessionIssuer issuer,
    ILogger<HandleSocialCallbackCommandHandler> logger,
    AuditTrail audit)
    : ICommandHandler<HandleSocialCallbackCommand, Result<SocialCallbackOutcome>>
{
    public async ValueTask<Result<SocialCallbackOutcome>> Handle(HandleSocialCallbackCommand command, CancellationToken cancellationToken)
    {
        var defaultErrorUrl = urls.ErrorPage();
        if (string.IsNullOrEmpty(command.State))
        {
            return Fail(defaultErrorUrl, SocialErrors.StateNotFound);
        }

        // Single use: the row is deleted before anything else is looked at, whatever comes next.
        var state = SessionToken.TryParse(command.State, out var presented) ? await TakeAsync(presented, cancellationToken) : null;
        if (state is null || state.IsExpired(clock.GetUtcNow()))
        {
            return Fail(defaultErrorUrl, SocialErrors.StateMismatch);
        }

        var errorUrl = state.ErrorCallbackUrl ?? defaultErrorUrl;
        if (command.StateCookie is not { } cookie || cookie.Value != command.State || state.ProviderId != command.ProviderId)
        {
            return Fail(errorUrl, SocialErrors.StateMismatch);
        }

        if (!string.IsNullOrEmpty(command.ProviderError))
        {
            return Fail(errorUrl, ProviderErrorCode().IsMatch(command.ProviderError) ? command.ProviderError : SocialErrors.InvalidCallbackRequest);
        }

        if (string.IsNullOrEmpty(command.Code))
        {
            return Fail(errorUrl, SocialErrors.NoCode);
        }

        var redeemed = await providers.RedeemCodeAsync(
            state.ProviderId, command.Code, command.Issuer, state.CodeVerifier, state.Nonce, urls.ProviderCallback(state.ProviderId), cancellationToken);
        if (!redeemed.IsSuccess)
        {
            return Fail(errorUrl, redeemed.Error!.Code);
        }

        var identity = redeemed.Value;
        try
        {
            return state.LinkUserId is { } linkUserId
                ? await LinkAsync(state, linkUserId, identity, errorUrl, cancellationToken)
                : await SignInAsync(state, identity, command.Client, errorUrl, cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            // A concurrent callback created the same user or account first.
            return Fail(errorUrl, state.LinkUserId is null ? SocialErrors.UnableToCreateUser : SocialErrors.UnableToLinkAccount);
        }
    }

    private async Task<Result<SocialCallbackOutcome>> SignInAsync(OAuthState state, ProviderIdentity identity, ClientInfo client, string errorUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Issuer == identity.Issuer && a.Subject == identity.Subject, cancellationToken);
        User? user;
        var isNewUser = false;
        if (account is not null)
        {
            user = await db.Users.FirstOrDefaultAsync(u => u.Id == account.UserId, cancellationToken);
            if (user is null)
            {
                return Fail(errorUrl, SocialErrors.UnableToLinkAccount);
            }
        }
        else
        {
            if (!EmailAddress.TryCreate(identity.Email, out var email))
            {
                return Fail(errorUrl, SocialErrors.EmailNotFound);
            }

            user = await db.Users.FirstOrDefaultAsync(u => u.Email == email.Value, cancellationToken);
            if (user is not null)
            {
                // Implicit linking by email: only on an email the provider asserts as verified, from a provider
                // trusted to assert it, onto a user whose own email is verified (else whoever registered the
                // address first, or whoever controls an unverified provider email, would take the account over).
                if (!identity.EmailVerified || !social.Value.IsTrusted(state.ProviderId) || !user.EmailVerified)
                {
                    LogNotLinked(logger, state.ProviderId, identity.EmailVerified, social.Value.IsTrusted(state.ProviderId), user.EmailVerified);
                    return Fail(errorUrl, SocialErrors.AccountNotLinked);
                }
            }
            else
            {
                user = User.Register(NameOf(identity, email), email, ImageOf(identity), now);
                if (identity.EmailVerified)
                {
                    user.MarkEmailVerified(now);
                }

                db.Users.Add(user);
                audit.Record(AuditEventTypes.SignUp, user.Id, reason: state.ProviderId, actorId: user.Id);
                isNewUser = true;
            }

            account = Account.Link(user.Id, state.ProviderId, identity.Issuer, identity.Subject, now);
            db.Accounts.Add(account);
            audit.Record(AuditEventTypes.ProviderLinked, user.Id, reason: state.ProviderId, actorId: user.Id);
        }

        if (user.IsDisabledAt(now))
        {
            return Fail(errorUrl, SocialErrors.UnableToCreateSession);
        }

        // The policy decides as for every way in: a user with a second factor gets the two_factor cookie and
        // no session; the frontend asks for the code (twoFactorRedirect=true) and verify-totp finishes it.
        var signedIn = await issuer.SignInAsync(new SignInAttempt(user, SignInMethod.Social, RememberMe: true, client), cancellationToken);
        if (!signedIn.IsSuccess)
        {
            return Fail(errorUrl, CallbackCodeOf(signedIn.Error!));
        }

        StoreTokens(account, identity.Tokens, now);
        await db.SaveChangesAsync(cancellationToken);

        var target = isNewUser && state.NewUserCallbackUrl is not null ? state.NewUserCallbackUrl : state.CallbackUrl;
        return new SocialCallbackOutcome(SignInRedirect.For(target, signedIn.Value, auth.Value), signedIn.Value, ErrorCode: null);
    }

    private async Task<Result<SocialCallbackOutcome>> LinkAsync(OAuthState state, string userId, ProviderIdentity identity, string errorUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || user.IsDisabledAt(now))
        {
            return Fail(errorUrl, SocialErrors.UnableToLinkAccount);
        }

        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Issuer == identity.Issuer && a.Subject == identity.Subject, cancellationToken);
        if (account is not null && account.UserId != user.Id)
        {
            return Fail(errorUrl, SocialErrors.AccountAlreadyLinkedToDifferentUser);
        }

        if (account is null)
        {
            // A new way in: the user's own address must be verified, and the provider must vouch for the one it reports.
            if (!VerifiedAddressPolicy.MayAddMethods(user))
            {
                return Fail(errorUrl, SocialErrors.EmailNotVerified);
            }

            if (!EmailAddress.TryCreate(identity.Email, out var email) || email.Value != user.Email)
            {
                return Fail(errorUrl, SocialErrors.EmailDoesNotMatch);
            }

            if (!VerifiedAddressPolicy.ProviderVouchesForAddress(social.Value, state.ProviderId, identity.EmailVerified))
            {
                return Fail(errorUrl, SocialErrors.UnableToLinkAccount);
            }

            account = Account.Link(user.Id, state.ProviderId, identity.Issuer, identity.Subject, now);
            db.Accounts.Add(account);
            audit.Record(AuditEventTypes.ProviderLinked, user.Id, reason: state.ProviderId, actorId: user.Id);
        }

        StoreTokens(account, identity.Tokens, now);
        await db.SaveChangesAsync(cancellationToken);
        return new SocialCallbackOutcome(Absolute(state.CallbackUrl), SignedIn: null, ErrorCode: null);
    }

    private void StoreTokens(Account account, ProviderTokenSet tokens, DateTimeOffset now) =>
        account.StoreTokens(tokenProtector.Protect(tokens, account.Id), tokenProtector.CurrentKeyId, tokens.AccessTokenExpiresAt, tokens.RefreshTokenExpiresAt, tokens.Scope, now);

    private async Task<OAuthState?> TakeAsync(SessionToken presented, CancellationToken cancellationToken)
    {
        var digest = presented.ComputeDigest();
        var state = await db.OAuthStates.AsNoTracking().FirstOrDefaultAsync(s => s.StateDigest == digest, cancellationToken);
        if (state is null || await db.OAuthStates.Where(s => s.Id == state.Id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return null;
        }

        return state;
    }

    private Result<SocialCallbackOutcome> Fail(string errorUrl, string code) =>
        new SocialCallbackOutcome(RedirectTargets.WithParameter(errorUrl, auth.Value, "error", code), SignedIn: null, ErrorCode: code);

    private string Absolute(string target) => new Uri(auth.Value.BaseUri, target).AbsoluteUri;

    /// <summary>The callback's code for a refusal of the sign-in policy (the redirect carries lower-case codes, as BetterAuth's).</summary>
    private static string CallbackCodeOf(Error refusal) =>
        refusal.Is(MailErrors.EmailNotVerified) ? SocialErrors.EmailNotVerified
        : refusal.Is(Errors.UserDisabled) ? Errors.ProviderCallback.BannedUser.Code
        : SocialErrors.UnableToCreateSession;

    private static string NameOf(ProviderIdentity identity, EmailAddress email)
    {
        var name = string.IsNullOrWhiteSpace(identity.Name) ? email.Value.Split('@')[0] : identity.Name.Trim();
        return name.Length > User.MaxNameLength ? name[..User.MaxNameLength] : name;
    }

    private static string? ImageOf(ProviderIdentity identity) =>
        identity.Image is { Length: <= User.MaxImageLength } image && Uri.TryCreate(image, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? image : null;

    [GeneratedRegex("^[a-z_]{1,64}$")]
    private static partial Regex ProviderErrorCode();

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in with {ProviderId} not linked to the existing user of that email (provider says verified: {ProviderVerified}, provider trusted: {Trusted}, local email verified: {LocalVerified})")]
    private static partial void LogNotLinked(ILogger logger, string providerId, bool providerVerified, bool trusted, bool localVerified);
}
