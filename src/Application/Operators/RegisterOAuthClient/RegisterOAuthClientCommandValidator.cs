using FluentValidation;

namespace AuthPlatform.Application.Operators.RegisterOAuthClient;

/// <summary>
/// Redirect URIs are compared exactly, so each must be absolute, without a fragment, and https unless it is a
/// loopback address (native apps and development, RFC 8252). Public clients cannot use client credentials. A JWKS
/// holds public signing keys only (<see cref="PublicJsonWebKeySet"/>).
/// </summary>
internal sealed class RegisterOAuthClientCommandValidator : AbstractValidator<RegisterOAuthClientCommand>
{
    public RegisterOAuthClientCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Name is required.").MaximumLength(200);
        RuleFor(c => c.Type).Must(t => t is RegisterOAuthClientCommand.Confidential or RegisterOAuthClientCommand.Public)
            .WithMessage("Type must be 'confidential' or 'public'.");
        RuleFor(c => c.Grants).NotEmpty().WithMessage("At least one grant is required.");
        RuleForEach(c => c.Grants).Must(g => RegisterOAuthClientCommand.KnownGrants.Contains(g))
            .WithMessage(g => $"Unknown grant; allowed: {string.Join(", ", RegisterOAuthClientCommand.KnownGrants)}.");
        RuleFor(c => c.Grants).Must(g => !g.Contains(RegisterOAuthClientCommand.ClientCredentials))
            .When(c => c.Type == RegisterOAuthClientCommand.Public)
            .WithMessage("A public client cannot use client_credentials: it has no secret.");
        RuleFor(c => c.RedirectUris).NotEmpty()
            .When(c => c.Grants.Contains(RegisterOAuthClientCommand.AuthorizationCode))
            .WithMessage("The authorization_code grant needs at least one redirect URI.");
        RuleForEach(c => c.RedirectUris).Must(IsRedirectUri)
            .WithMessage("A redirect URI must be absolute, https (http only on a loopback address) and without a fragment.");
        RuleForEach(c => c.PostLogoutRedirectUris).Must(IsRedirectUri)
            .WithMessage("A post-logout redirect URI must be absolute, https (http only on a loopback address) and without a fragment.");
        RuleForEach(c => c.Scopes).Matches("^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$").WithMessage("A scope is one token of printable characters without spaces, quotes or backslashes.");
        RuleFor(c => c.Jwks).Must(j => PublicJsonWebKeySet.Problem(j!) is null)
            .When(c => !string.IsNullOrWhiteSpace(c.Jwks))
            .WithMessage(c => PublicJsonWebKeySet.Problem(c.Jwks!) ?? string.Empty);
        RuleFor(c => c.Jwks).Empty().When(c => c.Type == RegisterOAuthClientCommand.Public)
            .WithMessage("A public client has no credentials: a JWKS (private_key_jwt) is for confidential clients.");
        RuleForEach(c => c.Resources).Must(r => Uri.TryCreate(r, UriKind.Absolute, out var uri) && uri.Fragment.Length == 0)
            .WithMessage("A resource is an absolute URI without a fragment (RFC 8707).");
    }

    /// <summary>A redirect URI we accept (also for dynamically registered clients).</summary>
    internal static bool IsRedirectUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Fragment.Length == 0 && !value.Contains('#', StringComparison.Ordinal)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback) || uri.Scheme is not ("http" or "https" or "javascript" or "data" or "file"));
}
