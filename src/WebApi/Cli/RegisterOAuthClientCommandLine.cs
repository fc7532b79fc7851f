using System.CommandLine;
using AuthPlatform.Application.Operators.RegisterOAuthClient;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// <c>register-oauth-client --name "Orders worker" --type confidential --grant client_credentials --scope orders.read</c>:
/// registers an application with the OAuth server (docs/oauth.md). A confidential client's secret is printed once.
/// </summary>
public static class RegisterOAuthClientCommandLine
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Display name of the application.", Required = true };
        var type = new Option<string>("--type")
        {
            Description = "confidential (a server that keeps a secret) or public (SPA, mobile or CLI app: PKCE, no secret).",
            DefaultValueFactory = _ => RegisterOAuthClientCommand.Confidential,
        };
        var redirectUris = new Option<string[]>("--redirect-uri") { Description = "An exact redirect URI (repeat for several).", AllowMultipleArgumentsPerToken = false };
        var postLogout = new Option<string[]>("--post-logout-redirect-uri") { Description = "An exact URI to return to after end-session (repeat for several)." };
        var grants = new Option<string[]>("--grant") { Description = "authorization_code, refresh_token, client_credentials or device_code (RFC 8628; repeat for several).", Required = true };
        var scopes = new Option<string[]>("--scope") { Description = "A scope the client may ask for: openid, profile, email, offline_access or an API scope (repeat)." };
        var resources = new Option<string[]>("--resource") { Description = "A resource (API URI, RFC 8707) its tokens may be for; default: the configured JWT audience (repeat)." };
        var firstParty = new Option<bool>("--first-party") { Description = "Your own application: users are never asked for consent." };
        var jwks = new Option<string>("--jwks")
        {
            Description = "The client's public keys, a JSON Web Key Set (JSON text): a confidential client then gets no secret and signs assertions (private_key_jwt, RFC 7523).",
        };
        var command = new Command("register-oauth-client", "Register an application with the OAuth 2.1 / OpenID Connect server.")
        {
            name, type, redirectUris, postLogout, grants, scopes, resources, firstParty, jwks,
        };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(async (services, ct) =>
        {
            var result = await OperatorHost.SendAsync(services, new RegisterOAuthClientCommand(
                parse.GetValue(name), parse.GetValue(type),
                parse.GetValue(redirectUris) ?? [], parse.GetValue(postLogout) ?? [], parse.GetValue(grants) ?? [],
                parse.GetValue(scopes) ?? [], parse.GetValue(resources) ?? [], parse.GetValue(firstParty), parse.GetValue(jwks)), ct);
            if (!result.IsSuccess)
            {
                return await OperatorHost.FailAsync(result.Error!);
            }

            await Console.Out.WriteLineAsync($"Registered OAuth client {result.Value.ClientId}.");
            if (result.Value.ClientSecret is { } secret)
            {
                // Shown once: only its digest is stored.
                await Console.Out.WriteLineAsync($"client_id={result.Value.ClientId}");
                await Console.Out.WriteLineAsync($"client_secret={secret}");
            }

            return 0;
        }, cancellationToken));
        return command;
    }
}
