using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Operators.RegisterOAuthClient;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.OAuthDynamicRegistration.RegisterDynamicOAuthClient;

/// <summary>
/// The operator's limits on what a client may register itself for, with RFC 7591's error codes: a redirect URI that is
/// missing or not one we accept is <c>invalid_redirect_uri</c> (its rules come first, so it wins), anything else
/// <c>invalid_client_metadata</c>. Grants only among those the operator allows; public clients (no authentication at the
/// token endpoint) use the authorization code with PKCE (required for every client) and never client credentials.
/// </summary>
internal sealed class RegisterDynamicOAuthClientCommandValidator : AbstractValidator<RegisterDynamicOAuthClientCommand>
{
    public RegisterDynamicOAuthClientCommandValidator(IOptions<OAuthServerOptions> oauth)
    {
        var allowedGrants = oauth.Value.ClientRegistrationGrantList;
        RuleFor(c => c.RedirectUris).NotEmpty().When(c => c.Grants.Contains(RegisterOAuthClientCommand.AuthorizationCode))
            .WithErrorCode(Errors.InvalidRedirectUri.Code)
            .WithMessage("redirect_uris is required for the authorization_code grant.");
        RuleForEach(c => c.RedirectUris).Must(RegisterOAuthClientCommandValidator.IsRedirectUri)
            .WithErrorCode(Errors.InvalidRedirectUri.Code)
            .WithMessage("A redirect URI must be absolute, https (http only on a loopback address) and without a fragment.");

        RuleFor(c => c.ClientName).NotEmpty().MaximumLength(200).WithErrorCode(Errors.InvalidClientMetadata.Code)
            .WithMessage("client_name is required (at most 200 characters).");
        RuleFor(c => c.AuthMethod).Must(m => RegisterDynamicOAuthClientCommand.AuthMethods.Contains(m))
            .WithErrorCode(Errors.InvalidClientMetadata.Code)
            .WithMessage($"token_endpoint_auth_method must be one of: {string.Join(", ", RegisterDynamicOAuthClientCommand.AuthMethods)}.");
        RuleForEach(c => c.Grants).Must(g => allowedGrants.Contains(g))
            .WithErrorCode(Errors.InvalidClientMetadata.Code)
            .WithMessage($"grant_types may only hold: {string.Join(", ", allowedGrants)}.");
        RuleFor(c => c.Grants).Must(g => !g.Contains(RegisterOAuthClientCommand.ClientCredentials))
            .When(c => c.AuthMethod == RegisterDynamicOAuthClientCommand.None)
            .WithErrorCode(Errors.InvalidClientMetadata.Code)
            .WithMessage("A public client (token_endpoint_auth_method none) cannot use client_credentials.");
        RuleFor(c => c.ResponseTypes).Must(r => r!.All(t => t == "code"))
            .When(c => c.ResponseTypes is { Count: > 0 })
            .WithErrorCode(Errors.InvalidClientMetadata.Code)
            .WithMessage("response_types may only hold code (with PKCE).");
        RuleForEach(c => c.ScopeList).Must(s => RegisterDynamicOAuthClientCommand.Scopes.Contains(s))
            .WithErrorCode(Errors.InvalidClientMetadata.Code)
            .WithMessage($"scope may only hold: {string.Join(" ", RegisterDynamicOAuthClientCommand.Scopes)}.");
        RuleFor(c => c.Jwks).NotEmpty().When(c => c.AuthMethod == RegisterDynamicOAuthClientCommand.PrivateKeyJwt)
            .WithErrorCode(Errors.InvalidClientMetadata.Code)
            .WithMessage("private_key_jwt needs jwks: the client's public keys.");
        RuleFor(c => c.Jwks).Must(j => PublicJsonWebKeySet.Problem(j!) is null)
            .When(c => !string.IsNullOrWhiteSpace(c.Jwks))
            .WithErrorCode(Errors.InvalidClientMetadata.Code)
            .WithMessage(c => PublicJsonWebKeySet.Problem(c.Jwks!) ?? string.Empty);
        RuleFor(c => c.Jwks).Empty().When(c => c.AuthMethod != RegisterDynamicOAuthClientCommand.PrivateKeyJwt)
            .WithErrorCode(Errors.InvalidClientMetadata.Code)
            .WithMessage("jwks is only for token_endpoint_auth_method private_key_jwt.");
    }
}
