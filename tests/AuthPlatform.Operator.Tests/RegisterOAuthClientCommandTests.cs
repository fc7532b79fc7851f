using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AuthPlatform.Testing;

namespace AuthPlatform.Operator.Tests;

/// <summary>register-oauth-client through the real binary: the printed credentials get a token; the secret is stored as a digest only.</summary>
public sealed partial class RegisterOAuthClientCommandTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_registered_confidential_client_gets_a_client_credentials_token_with_the_printed_secret()
    {
        var result = await OperatorCli.RunAsync(Good(), "register-oauth-client", "--name", "Orders worker", "--type", "confidential",
            "--grant", "client_credentials", "--scope", "orders.read", "--resource", "https://orders.example.com");

        Assert.True(result.ExitCode == 0, result.ToString());
        var clientId = ClientId().Match(result.Output).Groups[1].Value;
        var secret = ClientSecret().Match(result.Output).Groups[1].Value;
        Assert.NotEmpty(clientId);
        Assert.Equal(43, secret.Length); // 256 random bits, base64url
        var stored = await database.ScalarAsync<string>("select client_secret from oauth_clients where client_id = $1", clientId);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);

        await using var factory = new AuthApiFactory(database.ConnectionString);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/oauth2/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("scope", "orders.read")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        var token = await factory.CreatePlainClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task A_client_registered_with_its_jwks_gets_no_secret_and_a_private_key_is_refused()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var point = key.ExportParameters(includePrivateParameters: true);
        string Jwk(bool withPrivate) => System.Text.Json.JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "EC", ["crv"] = "P-256",
                    ["x"] = System.Buffers.Text.Base64Url.EncodeToString(point.Q.X), ["y"] = System.Buffers.Text.Base64Url.EncodeToString(point.Q.Y),
                }.Concat(withPrivate ? [new("d", System.Buffers.Text.Base64Url.EncodeToString(point.D))] : Array.Empty<KeyValuePair<string, string>>())
                 .ToDictionary(),
            },
        });

        var registered = await OperatorCli.RunAsync(Good(), "register-oauth-client", "--name", "Signed job", "--type", "confidential",
            "--grant", "client_credentials", "--jwks", Jwk(withPrivate: false));
        var leaked = await OperatorCli.RunAsync(Good(), "register-oauth-client", "--name", "Leaky job", "--type", "confidential",
            "--grant", "client_credentials", "--jwks", Jwk(withPrivate: true));

        Assert.True(registered.ExitCode == 0, registered.ToString());
        Assert.DoesNotMatch(ClientSecret(), registered.Output);
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*) from oauth_clients where json_web_key_set is not null and client_secret is null"));
        Assert.Equal(1, leaked.ExitCode);
        Assert.Contains("public keys only", leaked.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public", "client_credentials", null, "A public client cannot use client_credentials")]
    [InlineData("confidential", "authorization_code", null, "needs at least one redirect URI")]
    [InlineData("confidential", "authorization_code", "http://app.example.com/callback", "https (http only on a loopback address)")]
    public async Task Registration_refuses_what_the_server_could_not_honour_safely(string type, string grant, string? redirectUri, string message)
    {
        string[] args = ["register-oauth-client", "--name", "App", "--type", type, "--grant", grant];
        var result = await OperatorCli.RunAsync(Good(), redirectUri is null ? args : [.. args, "--redirect-uri", redirectUri]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Errors, StringComparison.Ordinal);
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from oauth_clients"));
    }

    private Dictionary<string, string?> Good() => OperatorCli.GoodEnvironment(database.ConnectionString);

    [GeneratedRegex("^client_id=(\\S+)$", RegexOptions.Multiline)]
    private static partial Regex ClientId();

    [GeneratedRegex("^client_secret=(\\S+)$", RegexOptions.Multiline)]
    private static partial Regex ClientSecret();
}
